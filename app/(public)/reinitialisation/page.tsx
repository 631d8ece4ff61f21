import { passwordLinkMetadata, passwordLinkPage } from "../password-link-page";
import { resetPasswordAction } from "./actions";

export const metadata = passwordLinkMetadata("PASSWORD_RESET");

export default passwordLinkPage("PASSWORD_RESET", resetPasswordAction);
