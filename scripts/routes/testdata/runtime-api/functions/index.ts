/** Entry of the runtime fixture app: registers the generated operations. */
import './.generated/routes';
