/** The signed-in caller as seen in the access token. */
export interface CallerIdentity {
  /**
   * Entra object id of the user (or of the service principal for app-only tokens).
   * @extension {"x-ms-summary": "Object ID"}
   */
  objectId: string;
  /**
   * Directory (tenant) id.
   * @extension {"x-ms-summary": "Tenant ID", "x-ms-visibility": "advanced"}
   */
  tenantId: string;
  /**
   * Display name of the user.
   * @extension {"x-ms-summary": "Name"}
   */
  name?: string;
  /**
   * Sign-in name (UPN or preferred_username).
   * @extension {"x-ms-summary": "User name"}
   */
  userName?: string;
  /**
   * Client application that requested the token (appid or azp).
   * @extension {"x-ms-summary": "Client app ID", "x-ms-visibility": "advanced"}
   */
  clientAppId?: string;
  /**
   * Delegated scopes granted to the client.
   * @extension {"x-ms-summary": "Scopes", "x-ms-visibility": "advanced"}
   */
  scopes: string[];
  /**
   * App roles granted to the caller.
   * @extension {"x-ms-summary": "Roles", "x-ms-visibility": "advanced"}
   */
  roles: string[];
  /**
   * Access token version.
   * @extension {"x-ms-summary": "Token version", "x-ms-visibility": "advanced"}
   */
  tokenVersion: '1.0' | '2.0';
}
