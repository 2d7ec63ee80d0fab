// The tests behind `string::is_*` that need more than a character class: domain names, email
// addresses, IP addresses, UUID text and coordinates, read as the Rust crates SurrealDB uses read
// them (addr, std::net, uuid).
import { domainToASCII } from "node:url";

const LATITUDE = /^[-+]?([1-8]?\d(\.\d+)?|90(\.0+)?)$/;
const LONGITUDE = /^[-+]?(180(\.0+)?|((1[0-7]\d)|([1-9]?\d))(\.\d+)?)$/;
const UUID_TEXT =
  /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}|urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
// RFC 5322 atext, plus any non-ASCII character (RFC 6532 allows UTF-8 in addresses).
const ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\u{10ffff}-]+$/u;
const QUOTED_LOCAL = /^"(?:[^"\\\r\n]|\\.)*"$/u;

export const isLatitude = (text: string) => LATITUDE.test(text);
export const isLongitude = (text: string) => LONGITUDE.test(text);

/** UUID text in any form the uuid crate parses: hyphenated, 32 hex digits, braced or as a URN. */
export const isUuidText = (text: string) => UUID_TEXT.test(text);

const OCTET = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const GROUP = /^[0-9a-f]{1,4}$/i;

/** Dotted-quad IPv4 as Rust's std::net reads it: four octets, no leading zeros. */
export function isIpv4(text: string): boolean {
  const octets = text.split(".");
  return octets.length === 4 && octets.every((octet) => OCTET.test(octet));
}

/** The groups of one side of an IPv6 `::` (a trailing IPv4 address counts as two), or undefined. */
function ipv6Groups(part: string, options: { last: boolean }): string[] | undefined {
  if (part === "") return [];
  const pieces = part.split(":");
  const tail = options.last && isIpv4(pieces.at(-1) ?? "") ? pieces.pop() : undefined;
  if (!pieces.every((piece) => GROUP.test(piece))) return undefined;
  return tail === undefined ? pieces : [...pieces, "0", "0"];
}

/** IPv6 as Rust's std::net reads it: eight groups or fewer around one `::`, an IPv4 tail allowed, no zone. */
export function isIpv6(text: string): boolean {
  const halves = text.split("::");
  if (halves.length > 2) return false;
  const [before = "", after] = halves;
  const head = ipv6Groups(before, { last: after === undefined });
  const tail = after === undefined ? [] : ipv6Groups(after, { last: true });
  if (head === undefined || tail === undefined) return false;
  const count = head.length + tail.length;
  return after === undefined ? count === 8 : count <= 7;
}

export const isIp = (text: string) => isIpv4(text) || isIpv6(text);

/**
 * A domain name: labels of letters, digits and inner hyphens (international names by their
 * punycode), 63 bytes a label and 253 in all, and a top-level label that is not all digits.
 */
export function isDomain(text: string): boolean {
  if (text === "" || /\s/.test(text)) return false;
  const ascii = domainToASCII(text.toLowerCase());
  if (ascii === "" || ascii.length > 254) return false;
  const labels = ascii.replace(/\.$/, "").split(".");
  if (labels.length === 0 || ascii.replace(/\.$/, "").length > 253) return false;
  const valid = labels.every((label) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label));
  return valid && !/^\d+$/.test(labels.at(-1) ?? "");
}

/**
 * An email address: a dot-atom or quoted local part of at most 64 bytes, `@`, and a domain name
 * or an address literal (`[192.0.2.1]`, `[IPv6:…]` or a bare IPv6 in brackets).
 */
export function isEmail(text: string): boolean {
  const at = text.lastIndexOf("@");
  if (at <= 0 || at === text.length - 1) return false;
  const [local, domain] = [text.slice(0, at), text.slice(at + 1)];
  if (Buffer.byteLength(local, "utf8") > 64) return false;
  const localValid = QUOTED_LOCAL.test(local) || local.split(".").every((atom) => ATOM.test(atom));
  if (!localValid) return false;
  const literal = /^\[(.*)\]$/.exec(domain);
  if (literal === null) return isDomain(domain);
  const address = literal[1] ?? "";
  return isIpv4(address) || isIpv6(address.replace(/^IPv6:/i, ""));
}
