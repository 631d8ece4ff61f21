// Every code an AppError can carry, by the domain that throws it: a mistyped or unknown code
// fails the type check. The code is for tests and callers that branch on it; the user reads the
// French message.
type CommonErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "INVALID" | "BUSY" | "TAKEN" | "STALE_VERSION";
type AuthErrorCode = "TOKEN" | "THROTTLED" | "WRONG_PASSWORD" | "SAME_PASSWORD" | "CONFLICT" | "SAME_EMAIL" | "INACTIVE";
type FamilyErrorCode = "DUPLICATE" | "EMAIL_TAKEN";
type ReservationErrorCode =
  | "ALREADY_BOOKED"
  | "ALREADY_DECIDED"
  | "DAY_PART_CLASH"
  | "DAY_REFUSED"
  | "FULL"
  | "INCOMPLETE"
  | "MISMATCH"
  | "SAME_CHILD"
  | "UNCHANGED"
  | "UNKNOWN_UNIT";
type CatalogueErrorCode =
  | "BOOKED_DAYS"
  | "BRACKETS_CHANGED"
  | "BRACKET_OVERLAP"
  | "DUPLICATE_UNIT"
  | "HAS_BOOKINGS"
  | "OUTSIDE_PERIOD"
  | "OVERBOOKED"
  | "UNIT_IN_USE";
type DocumentErrorCode =
  "ALREADY_REVIEWED" | "REASON_REQUIRED" | "INVALID_TYPE" | "UPLOAD_REFUSED" | "NOT_PDF" | "STORAGE_UNAVAILABLE" | "TYPE_IN_USE";
type SchoolErrorCode = "SCHOOL_IN_USE" | "LEVEL_NOT_OFFERED";
type StaffErrorCode = "SELF";
type TownErrorCode = "LOGO_EMPTY" | "LOGO_INVALID" | "LOGO_TOO_LARGE";
type BillingErrorCode =
  "INVOICE_CANCELLED" | "INVOICE_PAID" | "OVERPAYMENT" | "NOTHING_TO_BILL" | "REGIE_IN_USE" | "RUN_IN_PROGRESS";
type PayfipErrorCode = "NOT_PAYABLE_ONLINE" | "PAYMENT_IN_PROGRESS" | "PAYFIP_UNAVAILABLE" | "PAYFIP_REFUSED";

export type AppErrorCode =
  | CommonErrorCode
  | AuthErrorCode
  | FamilyErrorCode
  | ReservationErrorCode
  | CatalogueErrorCode
  | DocumentErrorCode
  | SchoolErrorCode
  | StaffErrorCode
  | TownErrorCode
  | BillingErrorCode
  | PayfipErrorCode;

/** An error meant for the user: its message is French and safe to show. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const GENERIC_ERROR_MESSAGE =
  "Une erreur inattendue s'est produite. Veuillez réessayer ; si le problème persiste, contactez le Guichet unique.";

/** When the database cannot be reached: pages (status 503), server actions and route handlers say this. */
export const SERVICE_UNAVAILABLE_MESSAGE = "Service momentanément indisponible, réessayez dans quelques minutes.";
