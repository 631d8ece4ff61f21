"use client";

import { useEffect, useState } from "react";

import { GENERIC_ERROR_MESSAGE, SERVICE_UNAVAILABLE_MESSAGE } from "@/lib/errors";

type Cause = "checking" | "unavailable" | "other";

/**
 * What an error boundary shows (app/error.tsx, app/global-error.tsx): a page failed while
 * rendering. In production the browser is not told why (Next.js keeps server errors' messages
 * on the server), so it asks /api/health: a 503 means the database, or the whole instance, is
 * out of service for now — « Service momentanément indisponible » — anything else is the
 * generic message. Never a stack trace. « Réessayer » loads the page again: the error came from
 * the server, re-rendering in the browser alone would not help.
 */
export function ErrorNotice() {
  const [cause, setCause] = useState<Cause>("checking");
  useEffect(() => {
    let current = true;
    fetch("/api/health", { cache: "no-store" }).then(
      (response) => current && setCause(response.status === 503 ? "unavailable" : "other"),
      () => current && setCause("unavailable"), // the server itself does not answer
    );
    return () => {
      current = false;
    };
  }, []);

  return (
    <div role="alert" className="max-w-2xl rounded-lg border border-gray-300 bg-white p-6">
      <h1 className="text-2xl font-bold text-brand">
        {cause === "unavailable" ? "Service momentanément indisponible" : "Un problème est survenu"}
      </h1>
      {cause === "checking" ? null : (
        <p className="mt-3">{cause === "unavailable" ? SERVICE_UNAVAILABLE_MESSAGE : GENERIC_ERROR_MESSAGE}</p>
      )}
      <button
        type="button"
        onClick={() => window.location.reload()}
        className="mt-4 rounded bg-brand px-4 py-2 font-semibold text-white"
      >
        Réessayer
      </button>
    </div>
  );
}
