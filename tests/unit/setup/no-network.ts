/**
 * Every unit test runs with the network cut: a fetch to anything but this
 * machine fails, as it would in a classroom without Wi-Fi.
 */
const realFetch = globalThis.fetch;

globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
  const url = new URL(
    typeof input === "string" ? input : input instanceof URL ? input.href : input.url,
    "http://127.0.0.1/",
  );
  const local =
    url.protocol === "file:" ||
    url.protocol === "data:" ||
    ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (!local) return Promise.reject(new TypeError(`network is cut in tests: ${url.href}`));
  return realFetch(input, init);
};
