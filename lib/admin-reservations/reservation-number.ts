/** Reservation numbers are shown on six digits, as in the guide (000008). */
export function reservationNumberText(number: number): string {
  return String(number).padStart(6, "0");
}
