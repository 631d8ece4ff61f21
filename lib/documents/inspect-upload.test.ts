import { AppError } from "@/lib/errors";
import { badSamples, goodSamples, pdfOfSize, TWO_MO } from "@/tests/fixtures/uploads/corpus";

import { inspectUpload, UploadRefusedError } from "./inspect-upload";
import { MAX_DOCUMENT_BYTES, UPLOAD_MESSAGES } from "./upload-rules";

describe("inspectUpload decides from the bytes", () => {
  it("uses the database's limit: 2 Mo = 2 097 152 bytes", () => {
    expect(MAX_DOCUMENT_BYTES).toBe(2_097_152);
    expect(pdfOfSize(TWO_MO)).toHaveLength(2_097_152);
  });

  it.each(badSamples().map((sample) => [sample.name, sample] as const))(
    "refuses %s with its French reason",
    async (_name, sample) => {
      expect(await inspectUpload(sample.bytes)).toEqual({
        ok: false,
        reason: sample.reason,
        message: UPLOAD_MESSAGES[sample.reason],
      });
    },
  );

  it.each(goodSamples().map((sample) => [sample.name, sample] as const))("accepts %s as what it is", async (_name, sample) => {
    expect(await inspectUpload(sample.bytes)).toMatchObject({ ok: true, mimeType: sample.mimeType });
  });

  it("refuses a PDF cut before its end marker, and a JPEG without its end", async () => {
    const pdf = pdfOfSize(4000);
    expect(await inspectUpload(pdf.subarray(0, 3000))).toMatchObject({ ok: false, reason: "unreadable" });
    const jpeg = goodSamples().find((sample) => sample.mimeType === "image/jpeg")!.bytes;
    expect(await inspectUpload(jpeg.subarray(0, jpeg.length - 40))).toMatchObject({ ok: false, reason: "unreadable" });
  });

  it("turns a refusal into an AppError the upload route shows on the file field", () => {
    const error = new UploadRefusedError("tooLarge");
    expect(error).toBeInstanceOf(AppError);
    expect([error.code, error.reason, error.message]).toEqual(["UPLOAD_REFUSED", "tooLarge", UPLOAD_MESSAGES.tooLarge]);
  });
});
