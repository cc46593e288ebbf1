import { describe, expect, it } from "vitest";
import { decodeHeader, htmlToText, readEmail } from "../../../scripts/corpora/email";

describe("readEmail(raw) (scripts/corpora/email.ts)", () => {
  it("reads the subject and a plain body, unfolding headers", () => {
    const raw = "From: a@b.c\nSubject: Hello\n  again\n\nFirst line\n\n\n\nSecond  line\n";
    expect(readEmail(raw)).toEqual({ subject: "Hello again", body: "First line\n\nSecond line" });
  });

  it("decodes quoted-printable and base64 bodies in their charset", () => {
    const qp =
      "Subject: x\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\nna=EFve caf=E9 soft=\nbreak";
    expect(readEmail(qp).body).toBe("naïve café softbreak");
    const b64 = `Subject: x\nContent-Transfer-Encoding: base64\n\n${Buffer.from("Grüße").toString("base64")}`;
    expect(readEmail(b64).body).toBe("Grüße");
  });

  it("takes the text/plain part of a multipart message", () => {
    const raw = [
      'Subject: x\nContent-Type: multipart/alternative; boundary="XX"\n',
      "--XX\nContent-Type: text/html\n\n<p>HTML version</p>",
      "--XX\nContent-Type: text/plain\n\nPlain version",
      "--XX--\n",
    ].join("\n");
    expect(readEmail(raw).body).toBe("Plain version");
  });

  it("reduces HTML to text, also when no Content-Type says it is HTML", () => {
    expect(
      readEmail("Subject: x\n\n<html><body><p>Buy&nbsp;now &amp; save</p></body></html>").body,
    ).toBe("Buy now & save");
  });
});

describe("decodeHeader(value) and htmlToText(html)", () => {
  it("decodes RFC 2047 words in B and Q encodings, joining adjacent ones", () => {
    expect(decodeHeader("=?utf-8?B?R3LDvMOfZQ==?= =?iso-8859-1?Q?caf=E9_au_lait?=")).toBe(
      "Grüßecafé au lait",
    );
  });

  it("drops scripts, styles and comments and decodes numeric entities", () => {
    expect(htmlToText("<style>p{}</style><!-- c --><b>A&#39;s</b><br>&#x263A;")).toBe("A's\n☺");
  });
});
