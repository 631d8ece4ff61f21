import { passwordLinkMetadata, passwordLinkPage } from "../password-link-page";
import { activateAccountAction } from "./actions";

export const metadata = passwordLinkMetadata("ACTIVATION");

export default passwordLinkPage("ACTIVATION", activateAccountAction);
