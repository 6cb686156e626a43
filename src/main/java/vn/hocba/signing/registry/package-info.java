/**
 * The registry of the certificates people sign with (issue 16 item 4): registered from the local
 * signing agent, a remote signing service or an uploaded .cer, checked against the staff record (and,
 * for the school seal, against the school's tax code), audited, warned about before they expire.
 * {@link vn.hocba.signing.registry.CertificateRegistry#requireRegistered} is what every signature
 * made on a person's own device passes before anything is written. Table {@code signing_certificate} (V180).
 */
@org.springframework.modulith.NamedInterface("registry")
package vn.hocba.signing.registry;
