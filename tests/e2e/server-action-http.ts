// A server action called over HTTP the way the browser calls it: POST to a page with the
// Next-Action header, the arguments encoded as React encodes them (JSON text for plain values,
// multipart when they hold a FormData), and the return value read back from the RSC payload.
import crypto from "node:crypto";

import type { APIResponse, BrowserContext } from "playwright-core";

export type FilePart = { name: string; mimeType: string; buffer: Buffer };

/** One argument: a plain object (`action({ … })`), or a FormData's entries (`action(new FormData(form))`). */
export type ActionArgument = { json: Record<string, unknown> } | { form: [string, string | FilePart][] };

/**
 * React's encodeReply for `[formData]`: each entry becomes a part named `_1_<field>` and the
 * argument list, part `0`, refers to them as `$K1`; part `0` comes last, as Chromium sends it
 * (the server reads the files before the list that refers to them).
 */
function multipart(entries: [string, string | FilePart][]): { body: Buffer; contentType: string } {
  const boundary = `----portail${crypto.randomBytes(12).toString("hex")}`;
  const chunks: Buffer[] = [];
  const part = (name: string, value: string | FilePart) => {
    const head =
      typeof value === "string"
        ? `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.name}"\r\nContent-Type: ${value.mimeType}\r\n\r\n`;
    chunks.push(
      Buffer.from(head, "utf8"),
      typeof value === "string" ? Buffer.from(value, "utf8") : value.buffer,
      Buffer.from("\r\n"),
    );
  };
  for (const [name, value] of entries) part(`_1_${name}`, value);
  part("0", JSON.stringify(["$K1"]));
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function postAction(
  context: BrowserContext,
  actionId: string,
  pathname: string,
  argument: ActionArgument,
): Promise<APIResponse> {
  const headers = { "Next-Action": actionId, Accept: "text/x-component" };
  if ("json" in argument) {
    return context.request.post(pathname, {
      headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" },
      data: JSON.stringify([argument.json]),
      maxRedirects: 0,
    });
  }
  const { body, contentType } = multipart(argument.form);
  return context.request.post(pathname, { headers: { ...headers, "Content-Type": contentType }, data: body, maxRedirects: 0 });
}

/**
 * The action's return value in an RSC payload (`0:{"a":"$@1",…}` then `1:{…}`), or undefined
 * when the body is not one (a redirect, a proxy's answer).
 */
export function actionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1], match[2]);
  }
  const parse = (text: string | undefined): unknown => {
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  };
  const root = parse(rows.get("0")) as { a?: unknown } | undefined;
  if (!root || typeof root !== "object" || !("a" in root)) return undefined;
  const reference = typeof root.a === "string" ? /^\$@([0-9a-f]+)$/.exec(root.a) : null;
  return reference ? parse(rows.get(reference[1])) : root.a;
}
