/** An error meant for the user: its message is French and safe to show. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const GENERIC_ERROR_MESSAGE =
  "Une erreur inattendue s'est produite. Veuillez réessayer ; si le problème persiste, contactez le Guichet unique.";
