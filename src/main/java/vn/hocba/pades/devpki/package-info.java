/**
 * The development PKI (see {@code signing-config/README.md}): a root CA, one certificate per demo
 * person, the school's organisation certificate for the seal, an in-process RFC 3161
 * time-stamping authority, and CRL/OCSP responses, all generated at first use into a directory
 * under the data directory and never committed. Documents signed with it validate as
 * TOTAL_PASSED / PAdES-BASELINE-LTA with its root as the trust anchor.
 */
@org.springframework.modulith.NamedInterface("devpki")
package vn.hocba.pades.devpki;
