// The demo agent's and admin's second factor (never in production: the seed refuses to run
// there). Public on purpose, so that a newcomer can try the back office:
// `npm run -s demo:totp -- agent@demo.fr` prints the current code.
export const DEMO_TOTP_SECRET = "PORTAILFAMILLESDEMOSECRETRODEZXX";
