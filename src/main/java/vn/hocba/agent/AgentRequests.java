package vn.hocba.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.hocba.pades.CertificateNames;

/** The agent's rules for who may ask (loopback peers, loopback Host) and what it shows and sends. */
final class AgentRequests {

    private AgentRequests() {
    }

    /** Only this PC: 127.0.0.0/8 or ::1. */
    static boolean fromLoopback(InetAddress peer) {
        return peer != null && peer.isLoopbackAddress();
    }

    /** The Host header names this loopback port (a DNS name pointing here from outside is refused). */
    static boolean loopbackHost(String host, int port) {
        return host != null && (host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port)
                || host.equals("[::1]:" + port));
    }

    /** What the person confirms: who asks, how many documents, of which class and kind, with which certificate. */
    static String question(String origin, TokenKeys.Listed certificate, int count, JsonNode description) {
        String subject = CertificateNames.subject(certificate.certificate());
        return "Trang " + origin + " yêu cầu ký số " + count + " văn bản"
                + text(description, "kind", ": ") + text(description, "classCode", ", lớp ")
                + text(description, "signer", ", người ký ") + ".\nChứng thư số: " + subject;
    }

    private static String text(JsonNode description, String field, String prefix) {
        String value = description == null ? "" : description.path(field).asText("");
        value = value.replaceAll("\\p{Cntrl}", " ").strip();
        return value.isEmpty() ? "" : prefix + (value.length() > 120 ? value.substring(0, 120) : value);
    }

    static Map<String, Object> describe(TokenKeys.Listed listed) {
        X509Certificate c = listed.certificate();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", listed.id());
        m.put("subject", CertificateNames.subject(c));
        m.put("issuer", CertificateNames.issuer(c));
        m.put("serial", c.getSerialNumber().toString(16));
        m.put("notBefore", c.getNotBefore().toInstant().toString());
        m.put("notAfter", c.getNotAfter().toInstant().toString());
        m.put("device", listed.device());
        m.put("chain", listed.chain().stream().map(AgentRequests::base64).toList());
        return m;
    }

    private static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
