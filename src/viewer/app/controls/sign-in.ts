import { describeToken, tokenStore } from "../api/token-store.ts";
import { byId } from "../dom.ts";

/**
 * The sign-in box: paste an officer's bearer token, or sign out. `changed` runs after either,
 * so the page can forget what it fetched as the previous caller and load again.
 */
export class SignInBox {
  private readonly changed: () => void;

  constructor(changed: () => void) {
    this.changed = changed;
    byId<HTMLFormElement>("sign-in-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const token = byId<HTMLTextAreaElement>("token")
        .value.trim()
        .replace(/^Bearer\s+/i, "");
      this.signIn(token || null);
    });
    byId("sign-out").addEventListener("click", () => this.signIn(null));
    this.show();
  }

  get signedIn(): boolean {
    return Boolean(tokenStore.get());
  }

  /** Opens the box, to say a token was refused where the person can fix it. */
  reveal(): void {
    (byId("sign-in") as HTMLDetailsElement).open = true;
  }

  private signIn(token: string | null): void {
    tokenStore.set(token);
    byId<HTMLTextAreaElement>("token").value = "";
    // Close the box and give focus back to its summary, which now says who is signed in.
    (byId("sign-in") as HTMLDetailsElement).open = false;
    byId("sign-in-summary").focus();
    this.show();
    this.changed();
  }

  private show(): void {
    const token = tokenStore.get();
    const info = token ? describeToken(token) : null;
    byId("sign-in-summary").textContent = token ? "Signed in" : "Sign in";
    byId("sign-out").hidden = !token;
    byId("sign-in-status").textContent = info
      ? `Signed in${info.subject ? ` as ${info.subject}` : ""}${info.roles.length ? ` (${info.roles.join(", ")})` : ""}${info.expires ? `, token expires ${info.expires.toLocaleString()}` : ""}. Every request carries this token; the API decides what it may see.`
      : "Not signed in: you see the public structure. Paste an officer's bearer token to also see restricted items.";
  }
}
