/**
 * The PAdES library: signatures on transcripts, subject result sheets and class gradebooks, and
 * nothing about whose turn it is ({@code vn.hocba.signing} is the school's signing of a class).
 *
 * <p>The API follows the EU DSS three-step design so that a key can live anywhere (PKCS#12 file,
 * PKCS#11 token or HSM, a remote signing service):
 * <ol>
 *   <li>{@link vn.hocba.pades.PadesSigner#prepare} reserves the signature in an incremental
 *       update and returns the {@link vn.hocba.pades.DataToSign} (DER signed attributes);</li>
 *   <li>a {@link vn.hocba.pades.SigningCredential} signs those bytes;</li>
 *   <li>{@link vn.hocba.pades.PadesSigner#embed} builds the CMS (with its RFC 3161 signature
 *       time-stamp) and writes it into the reserved {@code /Contents}.</li>
 * </ol>
 * {@link vn.hocba.pades.LongTermExtender} then adds the {@code /DSS} and a document
 * time-stamp once after the last approval signature (PAdES B-LT, B-LTA);
 * {@link vn.hocba.pades.SigningChain} runs the school's order (teacher, homeroom teacher,
 * principal, seal) and {@link vn.hocba.pades.BatchSigner} signs a class at once. The profile
 * is {@code docs/signing.md}. Key sources: {@link vn.hocba.pades.Pkcs12Credential},
 * {@link vn.hocba.pades.Pkcs11Credential} and remote signing ({@link vn.hocba.pades.CscClient},
 * CSC API v2); time-stamps from a TSA over HTTP ({@link vn.hocba.pades.HttpTimeStampSource});
 * the installation's settings are bound and checked at start-up by {@code vn.hocba.pades.config}.
 * This module is a leaf: of HocBa it uses only {@code vn.hocba.common} (an outside service's answer read up to a
 * limit, {@link vn.hocba.common.BoundedAnswer}).
 */
package vn.hocba.pades;
