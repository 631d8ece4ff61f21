// The security headers every response carries, set by next.config.ts headers() (the pages'
// Content-Security-Policy is per request, in proxy.ts). Pure, so a unit test can build them for
// `next dev` and for production.

type Header = { key: string; value: string };
type HeaderRule = { source: string; headers: Header[] };

/** The page where a parent may photograph a supporting document (components/documents/upload-document-form.tsx). */
export const CAMERA_PAGE = "/espace/documents";

// No camera, microphone or location for any page; the camera only on the upload page.
const permissionsPolicy = (camera: "()" | "(self)") => `camera=${camera}, microphone=(), geolocation=()`;

export function securityHeaderRules({ production }: { production: boolean }): HeaderRule[] {
  return [
    {
      source: "/:path*",
      headers: [
        { key: "X-Content-Type-Options", value: "nosniff" },
        { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        { key: "Permissions-Policy", value: permissionsPolicy("()") },
        // HTTPS only, for a year, subdomains included — production runs behind TLS; `next dev`
        // on http://<address> must stay reachable.
        ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
      ],
    },
    {
      // A later rule wins for the same header.
      source: CAMERA_PAGE,
      headers: [{ key: "Permissions-Policy", value: permissionsPolicy("(self)") }],
    },
    {
      // Never framed — except a supporting document inside the portal's own review page
      // (app/api/documents/[id] sets SAMEORIGIN and frame-ancestors 'self' itself).
      source: "/((?!api/documents/).*)",
      headers: [{ key: "X-Frame-Options", value: "DENY" }],
    },
  ];
}
