// The address checks that Python's urlsplit applies to a bracketed host ("[...]"), following
// the `ipaddress` module's IPv4Address / IPv6Address parsers.

function isPythonIpv4(s: string): boolean {
  if (!s || s.includes("/")) return false;
  const octets = s.split(".");
  if (octets.length !== 4) return false;
  return octets.every(
    (o) => /^[0-9]{1,3}$/.test(o) && !(o.length > 1 && o[0] === "0") && Number.parseInt(o, 10) <= 255,
  );
}

const HEXTET = /^[0-9a-fA-F]{0,4}$/;

function isPythonIpv6(address: string): boolean {
  if (address.includes("/")) return false;
  const percent = address.indexOf("%");
  let s = address;
  if (percent !== -1) {
    const scope = address.slice(percent + 1);
    if (!scope || scope.includes("%")) return false;
    s = address.slice(0, percent);
  }
  if (!s) return false;
  const parts = s.split(":");
  if (parts.length < 3) return false;
  const last = parts[parts.length - 1] ?? "";
  if (last.includes(".")) {
    if (!isPythonIpv4(last)) return false;
    parts.splice(parts.length - 1, 1, "0", "0");
  }
  if (parts.length > 9) return false;
  let skip = -1;
  for (let i = 1; i < parts.length - 1; i++) {
    if (!parts[i]) {
      if (skip !== -1) return false;
      skip = i;
    }
  }
  let hi: number;
  let lo: number;
  if (skip !== -1) {
    hi = skip;
    lo = parts.length - skip - 1;
    if (!parts[0] && --hi) return false;
    if (!parts[parts.length - 1] && --lo) return false;
    if (8 - (hi + lo) < 1) return false;
  } else {
    if (parts.length !== 8 || !parts[0] || !parts[parts.length - 1]) return false;
    hi = parts.length;
    lo = 0;
  }
  const used = [...parts.slice(0, hi), ...parts.slice(parts.length - lo)];
  return used.every((h) => h.length > 0 && HEXTET.test(h));
}

/**
 * Python's `_check_bracketed_host`: an IPvFuture literal (`v1.x`) or an IPv6 address (with an
 * optional `%zone`); an IPv4 address or anything else is invalid.
 */
export function isValidBracketedHost(host: string): boolean {
  if (host.startsWith("v")) return /^v[a-fA-F0-9]+\..+$/s.test(host) && !host.includes("\n");
  return isPythonIpv6(host);
}
