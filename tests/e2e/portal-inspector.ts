// The database checks of a portal that runs on the embedded database. An embedded PGlite belongs
// to the one process that opened it, so the test cannot open it beside the server; it asks the
// server's process itself, through the Node inspector `next start --inspect` opens on a local
// port: the portal's own Prisma client (the one getDb() keeps on globalThis) runs the query on the
// live database, and nothing test-only is added to the product.
// Ways not taken: stopping the portal around each read (a restart per read, two per action in
// the authorization matrix: minutes, and a fresh process each time); copying the data folder
// (a live copy is not a consistent one); serving PGlite over @electric-sql/pglite-socket (the
// portal would then reach it through the PostgreSQL driver: not the embedded database it ships).
import crypto from "node:crypto";
import http from "node:http";
import type { Duplex } from "node:stream";

import type { PrismaClient } from "@/lib/db/generated/client";

/**
 * Dates, bytes and big integers, which JSON alone would flatten, tagged on the way and restored
 * on arrival. One source text run on both sides, the test and the portal's process (not a
 * function's toString(), which the test's compiler may have rewritten).
 */
const CODEC = `({
  encode(key, value) {
    const raw = this[key];
    if (raw instanceof Date) return { $date: raw.toISOString() };
    if (raw instanceof Uint8Array) return { $bytes: Buffer.from(raw).toString("base64") };
    if (typeof raw === "bigint") return { $bigint: raw.toString() };
    return value;
  },
  decode(key, value) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
    if (typeof value.$date === "string") return new Date(value.$date);
    if (typeof value.$bytes === "string") return new Uint8Array(Buffer.from(value.$bytes, "base64"));
    if (typeof value.$bigint === "string") return BigInt(value.$bigint);
    return value;
  },
})`;
type Reviver = (this: unknown, key: string, value: unknown) => unknown;
const { encode, decode } = new Function(`return ${CODEC}`)() as { encode: Reviver; decode: Reviver };

/** A WebSocket client, as small as the inspector needs: text frames out (masked), text frames in. */
function openWebSocket(
  url: string,
): Promise<{ send(text: string): void; onText(listener: (text: string) => void): void; close(): void }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url.replace(/^ws:/, "http:"), {
      headers: {
        Connection: "Upgrade",
        Upgrade: "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": crypto.randomBytes(16).toString("base64"),
      },
    });
    request.on("error", reject);
    request.on("response", (response) => reject(new Error(`the inspector refused the WebSocket: HTTP ${response.statusCode}`)));
    request.on("upgrade", (_response, socket: Duplex, head: Buffer) => {
      const listeners: ((text: string) => void)[] = [];
      let buffer = head;
      let message: Buffer[] = [];
      socket.on("data", (chunk: Buffer) => {
        buffer = Buffer.concat([buffer, chunk]);
        for (;;) {
          if (buffer.length < 2) return;
          let length = buffer[1] & 0x7f;
          let offset = 2;
          if (length === 126) [length, offset] = buffer.length < 4 ? [-1, 0] : [buffer.readUInt16BE(2), 4];
          else if (length === 127) [length, offset] = buffer.length < 10 ? [-1, 0] : [Number(buffer.readBigUInt64BE(2)), 10];
          if (length < 0 || buffer.length < offset + length) return;
          const [fin, opcode] = [buffer[0] & 0x80, buffer[0] & 0x0f];
          if (opcode === 0x1 || opcode === 0x0) message.push(buffer.subarray(offset, offset + length));
          buffer = buffer.subarray(offset + length);
          if (fin && (opcode === 0x1 || opcode === 0x0)) {
            const text = Buffer.concat(message).toString("utf8");
            message = [];
            for (const listener of listeners) listener(text);
          }
        }
      });
      resolve({
        send(text) {
          const payload = Buffer.from(text, "utf8");
          const mask = crypto.randomBytes(4);
          const header =
            payload.length < 126
              ? Buffer.from([0x81, 0x80 | payload.length])
              : payload.length < 0x10000
                ? Buffer.from([0x81, 0x80 | 126, payload.length >> 8, payload.length & 0xff])
                : Buffer.concat([
                    Buffer.from([0x81, 0x80 | 127]),
                    Buffer.from(new BigUint64Array([BigInt(payload.length)]).buffer).reverse(),
                  ]);
          socket.write(Buffer.concat([header, mask, payload.map((byte, index) => byte ^ mask[index % 4])]));
        },
        onText: (listener) => listeners.push(listener),
        close: () => socket.destroy(),
      });
    });
    request.end();
  });
}

export type PortalPrisma = { prisma: PrismaClient; close(): Promise<void> };

/**
 * The Prisma client of the portal process listening for an inspector on `port`, driven from the
 * test: each model call (`prisma.news.count({ where })`) and `$queryRaw` is run by the portal on
 * its own database and its answer brought back. Fails (never returns an empty answer) when the
 * portal has not opened its database or the inspector does not answer.
 */
export async function portalProcessPrisma(port: number): Promise<PortalPrisma> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  if (!targets[0]) throw new Error(`the portal's inspector on port ${port} lists no process`);
  const socket = await openWebSocket(targets[0].webSocketDebuggerUrl);
  const pending = new Map<
    number,
    (answer: {
      result?: { result?: { value?: unknown }; exceptionDetails?: { exception?: { description?: string } } };
      error?: { message: string };
    }) => void
  >();
  socket.onText((text) => {
    const answer = JSON.parse(text);
    pending.get(answer.id)?.(answer);
    pending.delete(answer.id);
  });
  let nextId = 0;

  async function run(model: string | null, method: string, args: unknown[]): Promise<unknown> {
    const call = JSON.stringify(JSON.stringify([model, method, args], encode));
    // Runs in the portal's process: the same tagging, then the call on getDb()'s client (lib/db/client.ts).
    const expression = `(async () => {
      const { encode, decode } = ${CODEC};
      const database = globalThis.__portailDatabase;
      if (!database) throw new Error("the portal has not opened its database yet");
      const [model, method, args] = JSON.parse(${call}, decode);
      const target = model === null ? database.prisma : database.prisma[model];
      return JSON.stringify(await target[method](...args), encode) ?? "null";
    })()`;
    const id = ++nextId;
    const answer = await new Promise<Parameters<NonNullable<ReturnType<typeof pending.get>>>[0]>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the portal's inspector did not answer ${model ?? "prisma"}.${method} within 30 s`)),
        30_000,
      );
      pending.set(id, (value) => {
        clearTimeout(timer);
        resolve(value);
      });
      socket.send(
        JSON.stringify({ id, method: "Runtime.evaluate", params: { expression, awaitPromise: true, returnByValue: true } }),
      );
    });
    if (answer.error) throw new Error(`inspector: ${answer.error.message}`);
    const failure = answer.result?.exceptionDetails;
    if (failure)
      throw new Error(
        `in the portal's process, ${model ?? "prisma"}.${method}: ${failure.exception?.description ?? JSON.stringify(failure)}`,
      );
    return JSON.parse(answer.result!.result!.value as string, decode);
  }

  const models = new Map<string, object>();
  const model = (name: string) => {
    if (!models.has(name))
      models.set(
        name,
        new Proxy(
          {},
          {
            get:
              (_target, method: string) =>
              (...args: unknown[]) =>
                run(name, method, args),
          },
        ),
      );
    return models.get(name)!;
  };
  const prisma = new Proxy(
    {},
    {
      get(_target, name: string) {
        // A tagged template: the same query, with $1, $2… for its values.
        if (name === "$queryRaw")
          return (strings: TemplateStringsArray, ...values: unknown[]) =>
            run(null, "$queryRawUnsafe", [strings.reduce((sql, part, index) => `${sql}$${index}${part}`), ...values]);
        if (name === "then") return undefined;
        if (name.startsWith("$")) throw new Error(`prisma.${name} is not forwarded to the portal's process`);
        return model(name);
      },
    },
  ) as PrismaClient;
  return { prisma, close: async () => socket.close() };
}
