package vn.hocba.agent;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.hocba.pades.SoftHsmToken;
import vn.hocba.pades.devpki.DevelopmentPki;

/** The agent on 127.0.0.1 with a SoftHSM2 token: who it answers, and one PIN entry for a batch. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SigningAgentTest {

    static final String SCHOOL = "https://hocba.truong.example";
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    Path home;
    Path answers;
    ScriptedPrompt prompt;
    SigningAgent agent;
    X509Certificate teacher;

    @BeforeAll
    void startTheAgent() throws Exception {
        home = Files.createTempDirectory("hocba-agent-test");
        Path pkiDir = home.resolve("pki");
        DevelopmentPki pki = DevelopmentPki.openOrCreate(pkiDir);
        teacher = AgentFixture.keyOnToken(pki, pkiDir, "Nguyễn Thị Đào Tạo", "agent-test-teacher");
        answers = home.resolve("answers.txt");
        AgentFixture.answers(answers, SoftHsmToken.PIN, "582910", true);
        prompt = new ScriptedPrompt(answers);
        agent = SigningAgent.start(0, new PairedOrigins(home.resolve("paired-origins.txt")),
                new TokenKeys().withPkcs11(SoftHsmToken.module(), 1), prompt);
        assertThat(call("POST", "/pairing", SCHOOL, "{\"code\":\"582910\"}").statusCode()).isEqualTo(200);
        // SunPKCS11 shows a token's certificates after login: the person reads them once with the PIN.
        assertThat(call("GET", "/certificates", SCHOOL, null).body()).doesNotContain(AgentFixture.id(teacher));
        HttpResponse<String> read = call("POST", "/certificates/reading", SCHOOL, "{}");
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(prompt.questions()).last().asString().contains("Nhập mã PIN để đọc danh sách chứng thư số");
    }

    @AfterAll
    void stop() {
        agent.close();
    }

    @Test
    void listensOnTheLoopbackInterfaceOnlyAndRefusesOtherPeersAndForeignHostNames() throws Exception {
        assertThat(agent.address()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(AgentRequests.fromLoopback(InetAddress.getByName("192.0.2.10"))).isFalse();
        assertThat(AgentRequests.fromLoopback(InetAddress.getByName("10.0.0.5"))).isFalse();
        assertThat(AgentRequests.fromLoopback(InetAddress.getByName("::1"))).isTrue();
        // DNS rebinding: a page of a foreign name resolving to 127.0.0.1 sends that name as Host.
        String reply = raw("GET /certificates HTTP/1.1\r\nHost: evil.example:" + agent.port() + "\r\nOrigin: " + SCHOOL
                + "\r\nConnection: close\r\n\r\n");
        assertThat(reply).startsWith("HTTP/1.1 403").contains("NOT_LOOPBACK").doesNotContain("BEGIN");
    }

    @Test
    void aWebOriginThatWasNotPairedGetsNeitherCertificatesNorSignaturesNorCorsHeaders() throws Exception {
        for (String origin : List.of("https://evil.example", "https://hocba.truong.example:8443", "null",
                "http://hocba.truong.example")) {
            HttpResponse<String> list = call("GET", "/certificates", origin, null);
            assertThat(list.statusCode()).as(origin).isEqualTo(403);
            assertThat(list.headers().firstValue("Access-Control-Allow-Origin")).as(origin).isEmpty();
            assertThat(list.body()).contains("NOT_PAIRED").doesNotContain(AgentFixture.id(teacher));
            HttpResponse<String> sign = call("POST", "/signatures", origin, signRequest(List.of(new byte[] {1})));
            assertThat(sign.statusCode()).as(origin).isEqualTo(403);
            HttpResponse<String> preflight = call("OPTIONS", "/signatures", origin, null);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
        assertThat(call("GET", "/certificates", null, null).statusCode()).isEqualTo(403);
        HttpResponse<String> status = call("GET", "/", "https://evil.example", null);
        assertThat(json.readTree(status.body()).path("paired").asBoolean()).isFalse();
    }

    @Test
    void pairingNeedsTheCodeTheWebPageShowsTypedIntoTheAgent() throws Exception {
        HttpResponse<String> refused = call("POST", "/pairing", "https://other.example", "{\"code\":\"111111\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("mã nhập vào phần mềm ký số không khớp");
        assertThat(prompt.questions()).anyMatch(q -> q.contains("https://other.example xin ghép nối"));
        assertThat(call("GET", "/certificates", "https://other.example", null).statusCode()).isEqualTo(403);
        assertThat(Files.readString(home.resolve("paired-origins.txt"))).isEqualTo(SCHOOL + "\n");
    }

    @Test
    void thePairedOriginListsTheTokensCertificateWithItsChainAndExactCorsHeaders() throws Exception {
        HttpResponse<String> reply = call("GET", "/certificates", SCHOOL, null);
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Access-Control-Allow-Origin")).contains(SCHOOL);
        JsonNode mine = find(json.readTree(reply.body()).path("certificates"), AgentFixture.id(teacher));
        assertThat(mine.path("subject").asText()).contains("Nguyễn Thị Đào Tạo");
        assertThat(mine.path("chain").size()).isGreaterThanOrEqualTo(1);
        HttpResponse<String> preflight = call("OPTIONS", "/signatures", SCHOOL, null);
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(SCHOOL);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Private-Network")).contains("true");
    }

    @Test
    void signsABatchAfterOneConfirmationAndOnePinEntryShowingCountClassAndKind() throws Exception {
        List<byte[]> data = List.of("một".getBytes(StandardCharsets.UTF_8), "hai".getBytes(StandardCharsets.UTF_8),
                "ba".getBytes(StandardCharsets.UTF_8));
        int asked = prompt.questions().size();
        HttpResponse<String> reply = call("POST", "/signatures", SCHOOL, signRequest(data));
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        JsonNode values = json.readTree(reply.body()).path("signatures");
        assertThat(values).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Signature verify = Signature.getInstance("SHA256withRSA");
            verify.initVerify(teacher.getPublicKey());
            verify.update(data.get(i));
            assertThat(verify.verify(Base64.getDecoder().decode(values.get(i).asText()))).isTrue();
        }
        List<String> shown = prompt.questions().subList(asked, prompt.questions().size());
        assertThat(shown).hasSize(2);
        assertThat(shown.get(0)).contains(SCHOOL).contains("3 văn bản").contains("học bạ").contains("lớp 6A1")
                .contains("Nguyễn Thị Đào Tạo");
        assertThat(shown.get(1)).contains("mã PIN");
    }

    @Test
    void aWrongPinOrADeclinedConfirmationGivesNoSignatureAndSaysWhy() throws Exception {
        try {
            AgentFixture.answers(answers, "9999", "582910", true);
            HttpResponse<String> wrong = call("POST", "/signatures", SCHOOL, signRequest(List.of(new byte[] {1, 2})));
            assertThat(wrong.statusCode()).isEqualTo(409);
            assertThat(json.readTree(wrong.body()).path("error").asText()).isEqualTo("WRONG_PIN");
            assertThat(wrong.body()).contains("Mã PIN của thiết bị ký không đúng").doesNotContain("signatures");
            AgentFixture.answers(answers, SoftHsmToken.PIN, "582910", false);
            HttpResponse<String> declined = call("POST", "/signatures", SCHOOL, signRequest(List.of(new byte[] {1})));
            assertThat(json.readTree(declined.body()).path("error").asText()).isEqualTo("DECLINED");
        } finally {
            AgentFixture.answers(answers, SoftHsmToken.PIN, "582910", true);
        }
        assertThat(call("POST", "/signatures", SCHOOL, signRequest(List.of(new byte[] {1}))).statusCode()).isEqualTo(200);
    }

    private String signRequest(List<byte[]> data) throws Exception {
        return json.writeValueAsString(Map.of("certificate", AgentFixture.id(teacher),
                "dataToSign", data.stream().map(d -> Base64.getEncoder().encodeToString(d)).toList(),
                "description", Map.of("kind", "học bạ", "classCode", "6A1", "signer", "Nguyễn Thị Đào Tạo")));
    }

    private JsonNode find(JsonNode certificates, String id) {
        for (JsonNode c : certificates) {
            if (c.path("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("certificate " + id + " not listed: " + certificates);
    }

    private HttpResponse<String> call(String method, String path, String origin, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", agent.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
