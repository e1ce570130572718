// The list lives in @awsconn/core (the facade reads it without loading this package); this
// subpath stays for code that imports it from here.
export { KNOWN_EXTRA_KEYS } from "@awsconn/core";
