// A separate app process for the concurrency test: it books, through the same lib function as
// the server action, one day for each family it is given, all at once, and prints the tally as
// JSON. Run with `tsx --conditions=react-server` (the lib modules are "server-only").
import fs from "node:fs";

import { openDatabase } from "@/lib/db/connect";
import { AppError } from "@/lib/errors";
import { confirmBooking } from "@/lib/reservations/book-days";

type Job = {
  databaseUrl: string;
  families: { familyId: string; userId: string; email: string; childId: string }[];
  periodId: string;
  unitId: string;
  day: string;
  now: string;
};

async function main() {
  const job = JSON.parse(fs.readFileSync(process.argv[2], "utf8")) as Job;
  const database = openDatabase({ kind: "postgres", url: job.databaseUrl, poolSize: 10 });
  // Start together with the other process: wait for the go file.
  const go = process.argv[3];
  fs.writeFileSync(`${go}.ready-${process.pid}`, "");
  while (!fs.existsSync(go)) await new Promise((resolve) => setTimeout(resolve, 10));
  const results = await Promise.allSettled(
    job.families.map((family) =>
      confirmBooking(
        database.prisma,
        { familyId: family.familyId, userId: family.userId, email: family.email },
        { childId: family.childId, periodId: job.periodId, days: [{ unitId: job.unitId, date: job.day }] },
        new Date(job.now),
      ),
    ),
  );
  await database.close();
  const tally = { booked: 0, refusals: [] as string[], errors: [] as string[] };
  for (const result of results) {
    if (result.status === "fulfilled") tally.booked += 1;
    else if (result.reason instanceof AppError) tally.refusals.push(result.reason.message);
    else tally.errors.push(String(result.reason));
  }
  process.stdout.write(JSON.stringify(tally));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
