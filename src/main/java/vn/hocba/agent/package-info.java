/**
 * The local signing agent ({@code java -jar hocba.jar agent}): a small HTTP service on the person's
 * own PC, bound to 127.0.0.1, through which HocBa's pages have the person's USB token (PKCS#11) or
 * PKCS#12 file sign a batch of documents. It answers only the web origins the person paired it with,
 * asks for confirmation and for the PIN itself (never through the page), and gives back signature
 * values only: the PIN and the key never leave the PC. Plain Java (JDK HTTP server, SunPKCS11), no
 * Spring; a leaf that depends only on the PAdES library's PKCS#11 provider set-up.
 */
package vn.hocba.agent;
