"use client";

import { ErrorNotice } from "@/components/layout/error-notice";

// A page (under the root layout) that failed while rendering: the layout's header and footer stay.
export default function PageError() {
  return <ErrorNotice />;
}
