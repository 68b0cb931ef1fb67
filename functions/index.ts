/**
 * Entry of the Functions bundle: the generated registrations (written by `connectorkit build`) register every
 * controller operation with `app.http`.
 */
import './.generated/routes';
