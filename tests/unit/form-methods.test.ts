import fs from "node:fs";
import path from "node:path";

// A form submitted before hydration (slow network, script error) goes out the browser's own
// way: with no method that is GET, and every field — names, health notes, a password — lands in
// the URL, the history and the server logs. So every <form> says how it is sent: method="post",
// or method="get" for a search whose fields are listed here as harmless in a URL. A form whose
// action is a function (useActionState, a server action) is the exception: React renders its
// method itself (POST, or a replay once hydrated) and warns in development when one is given.

const ROOT = path.resolve(__dirname, "../..");

/** Search and filter forms, GET by design: their query parameters make the page bookmarkable. */
const GET_FORMS = [
  "components/ui/filter-form.tsx", // the staff pages' filter bar (FilterForm), GET by construction:
  "app/admin/documents/page.tsx", // document type filter
  "app/admin/facturation/page.tsx", // the invoicing run's month and régie, before its preview
  "app/admin/factures/page.tsx", // invoices: search and filters; the accounting export's month, régie and kind (a CSV download)
  "app/admin/paiements-en-ligne/page.tsx", // PayFiP operations: state
  "app/admin/petite-enfance/demandes/page.tsx", // crèche requests queue: crèche, age group, state, wished month
  "app/admin/petite-enfance/listes-attente/page.tsx", // the waiting list shown: a crèche
  "app/admin/envois/page.tsx", // outbox mails: state and recipient
  "app/admin/familles/page.tsx", // family search
  "app/admin/journal/page.tsx", // journal filters
  "app/admin/reservations/page.tsx", // reservations queue filters
  "app/admin/reservations/toutes/page.tsx", // every reservation: number, establishment, period, state, dates
  "components/admin/back-office-search.tsx", // the back office's search: a family, a child, a reservation number
  "components/admin/daily-list-toolbar.tsx", // daily lists and kitchen counts: date, establishment, span
  "components/reservations/reservation-search-form.tsx", // a parent's reservation search
  "components/ui/page-size-choice.tsx", // « Afficher [5] éléments / page »: a display choice kept in a session cookie, nothing else changes
];

const SENSITIVE = [
  /\btype=\{?\s*["'](?:password|file)["']/,
  /\bautoComplete=\{?\s*["'](?:current|new)-password["']/,
  /\bname=\{?\s*["'](?:password|currentPassword|newPassword)["']/,
  /<(?=[A-Z])\w*(?:Password|File)\w*[\s/>]/, // a kit component rendering such an input (FileField…)
];

type FoundForm = { file: string; line: number; method: string | null; functionAction: boolean; sensitive: boolean };

/** End of the opening tag starting at `start`: the first `>` outside quotes and `{…}` (arrow functions hold `>`). */
function openingTagEnd(source: string, start: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let index = start; index < source.length; index += 1) {
    const char = source[index];
    if (quote) {
      if (char === "\\") index += 1;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'" || char === "`") quote = char;
    else if (char === "{") depth += 1;
    else if (char === "}") depth -= 1;
    else if (char === ">" && depth === 0) return index;
  }
  throw new Error(`unterminated <form tag at offset ${start}`);
}

/** An identifier React gets as a function: from useActionState, or a server action imported from an actions module. */
function isFunctionAction(source: string, name: string): boolean {
  const fromActionState = new RegExp(`\\[[^\\]]*\\b${name}\\b[^\\]]*\\]\\s*=\\s*useActionState\\b`);
  const fromActions = new RegExp(`import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*["'][^"']*/actions["']`);
  return fromActionState.test(source) || fromActions.test(source);
}

function findForms(file: string, source: string): FoundForm[] {
  const forms: FoundForm[] = [];
  // A <FilterForm> (components/ui/filter-form.tsx) renders <form method="get"> around the fields the page gives it.
  for (const match of source.matchAll(/<(form|FilterForm)(?=[\s>/])/g)) {
    const tagEnd = openingTagEnd(source, match.index);
    const tag = source.slice(match.index, tagEnd + 1);
    const closing = source.indexOf(`</${match[1]}>`, tagEnd);
    const whole = source.slice(match.index, closing === -1 ? undefined : closing);
    const method =
      match[1] === "FilterForm" ? [tag, "get"] : tag.match(/\smethod=(?:"([^"]*)"|'([^']*)'|\{\s*["']([^"']*)["']\s*\})/);
    const action = tag.match(/\saction=\{\s*([A-Za-z_$][\w$]*)\s*\}/);
    forms.push({
      file,
      line: source.slice(0, match.index).split("\n").length,
      method: method ? (method[1] ?? method[2] ?? method[3]).toLowerCase() : null,
      functionAction: action !== null && isFunctionAction(source, action[1]),
      sensitive: SENSITIVE.some((pattern) => pattern.test(whole)),
    });
  }
  return forms;
}

function formProblems(forms: FoundForm[], allowedGet: string[], pending: string[]): string[] {
  const problems: string[] = [];
  for (const form of forms) {
    const where = `${form.file}:${form.line}`;
    if (form.method === null) {
      if (!form.functionAction && !pending.includes(form.file))
        problems.push(`${where}: <form> without method (a submit before hydration would be a GET)`);
    } else if (form.method === "get") {
      if (!allowedGet.includes(form.file)) problems.push(`${where}: method="get" on a form that is not a listed search form`);
      if (form.sensitive) problems.push(`${where}: method="get" on a form with a password or file input`);
    } else if (form.method !== "post") {
      problems.push(`${where}: method="${form.method}" (expected "post" or "get")`);
    }
    if (form.method !== null && form.functionAction)
      problems.push(`${where}: method on a form whose action is a function (React sets it and warns)`);
  }
  for (const file of allowedGet) {
    if (!forms.some((form) => form.file === file && form.method === "get"))
      problems.push(`${file}: listed as a GET form but has none`);
  }
  return problems;
}

function tsxFiles(folder: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".tsx"))
    .map((name) => path.posix.join(folder, name.split(path.sep).join("/")));
}

describe("every form says how it is sent", () => {
  const forms = [...tsxFiles("app"), ...tsxFiles("components")].flatMap((file) =>
    findForms(file, fs.readFileSync(path.join(ROOT, file), "utf8")),
  );

  it("finds the portal's forms, the multi-line ones included", () => {
    expect(forms.length).toBeGreaterThanOrEqual(20);
    expect(forms).toContainEqual(expect.objectContaining({ file: "components/admin/closure-form.tsx", method: "post" }));
    expect(forms).toContainEqual(
      expect.objectContaining({ file: "components/documents/upload-document-form.tsx", method: "post", sensitive: true }),
    );
    expect(forms).toContainEqual(
      expect.objectContaining({ file: "components/admin/news-form.tsx", method: null, functionAction: true }),
    );
  });

  it("gives every form a method, GET only to the listed search forms, none of which asks for a password or a file", () => {
    expect(formProblems(forms, GET_FORMS, [])).toEqual([]);
  });
});

describe("the form check itself", () => {
  const check = (source: string, allowedGet: string[] = []) => formProblems(findForms("x.tsx", source), allowedGet, []);

  it("reads a method after an attribute holding an arrow function", () => {
    expect(check(`<form onSubmit={(event) => { event.preventDefault(); }} method="post">`)).toEqual([]);
    expect(check(`<form\n  onSubmit={(event) => submit(event)}\n  className="a"\n>`)).toEqual([
      "x.tsx:1: <form> without method (a submit before hydration would be a GET)",
    ]);
  });

  it("refuses GET outside the list, and a password or file field in a listed GET form", () => {
    expect(check(`<form method="get" action="/x"><input name="q" /></form>`)).toEqual([
      'x.tsx:1: method="get" on a form that is not a listed search form',
    ]);
    expect(check(`<form method="get"><TextField type="password" /></form>`, ["x.tsx"])).toEqual([
      'x.tsx:1: method="get" on a form with a password or file input',
    ]);
    expect(check(`<form method="get"><FileField label="Pièce" /></form>`, ["x.tsx"])).toEqual([
      'x.tsx:1: method="get" on a form with a password or file input',
    ]);
    expect(check(`<form method="get"><input name="q" /></form>`, ["x.tsx"])).toEqual([]);
    expect(check(`<FilterForm action="/x"><PasswordField name="p" /></FilterForm>`, ["x.tsx"])).toEqual([
      'x.tsx:1: method="get" on a form with a password or file input',
    ]);
    expect(check(`<FilterForm action="/x"><TextField name="q" /></FilterForm>`)).toEqual([
      'x.tsx:1: method="get" on a form that is not a listed search form',
    ]);
  });

  it("lets React set the method of a form whose action is a function, and only then", () => {
    const actionState = `const [state, formAction] = useActionState(run, null);\n`;
    expect(check(`${actionState}<form action={formAction}>`)).toEqual([]);
    expect(check(`${actionState}<form method="post" action={formAction}>`)).toEqual([
      "x.tsx:2: method on a form whose action is a function (React sets it and warns)",
    ]);
    expect(check(`const target = "/recherche";\n<form action={target}>`)).toEqual([
      "x.tsx:2: <form> without method (a submit before hydration would be a GET)",
    ]);
  });
});
