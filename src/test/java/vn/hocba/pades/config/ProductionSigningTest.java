package vn.hocba.pades.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.FileSystemResource;
import vn.hocba.pades.CscTestDouble;
import vn.hocba.pades.PkiOverHttp;
import vn.hocba.pades.SigningChain;
import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.SigningException;
import vn.hocba.pades.SigningServices;
import vn.hocba.pades.SoftHsmToken;
import vn.hocba.pades.TestDocuments;
import vn.hocba.pades.devpki.DevelopmentPki;
import vn.hocba.pades.verify.SignatureVerifier;

/**
 * {@code hocba.signing.mode=production} as an administrator writes it: a real RFC 3161 TSA over
 * HTTP, the CA's OCSP responder reached through the configured proxy, the trust anchor from a
 * folder, the homeroom teacher's key in a PKCS#12 file, the principal's at a remote signing service
 * (CSC API v2, a test double over HTTP) and the school seal on a PKCS#11 token (SoftHSM2).
 * The "CA" is the development PKI served over HTTP by {@link PkiOverHttp}; nothing of it is used
 * in-process.
 */
class ProductionSigningTest {

    @TempDir
    static Path dir;

    static DevelopmentPki ca;
    static PkiOverHttp http;
    static List<String> production;

    @BeforeAll
    static void aCaAndAnInstallationConfiguredForIt() throws Exception {
        ca = DevelopmentPki.createFresh(dir.resolve("ca"));
        ca.issue("Trần Thị Hoa", "Giáo viên chủ nhiệm", null);
        ca.issue("Lê Văn Nam", "Hiệu trưởng", null);
        ca.organisation();
        SoftHsmToken.importKey(dir.resolve("ca/people/nha-truong-hocba-phat-trien.p12"),
                DevelopmentPki.PASSWORD.toCharArray(), "con-dau-san-xuat");
        Files.createDirectories(dir.resolve("anchors"));
        ca.writeRootPem(dir.resolve("anchors/ca-root.pem"));
        Files.writeString(dir.resolve("p12-password"), DevelopmentPki.PASSWORD + "\n");
        Files.writeString(dir.resolve("seal-pin"), SoftHsmToken.PIN);
        http = PkiOverHttp.start(ca);
        Files.writeString(dir.resolve("csc-token"), "token-cua-truong\n");
        Files.writeString(dir.resolve("csc-pin"), "135790");
        CscTestDouble.serve(http, "/csc/v2", "token-cua-truong", "nam-2026", "135790",
                dir.resolve("ca/people/le-van-nam.p12"), DevelopmentPki.PASSWORD.toCharArray());
        production = List.of("hocba.data-dir=" + dir.resolve("data"),
                "hocba.signing.mode=production",
                "hocba.signing.trust-anchors[0]=" + dir.resolve("anchors"),
                "hocba.signing.time-stamping.urls[0]=" + http.url("/tsa"),
                "hocba.signing.time-stamping.timeout=5s",
                "hocba.signing.http-proxy=" + http.proxy(),
                "hocba.signing.school-seal.kind=pkcs11",
                "hocba.signing.school-seal.library=" + SoftHsmToken.module(),
                "hocba.signing.school-seal.slot-list-index=0",
                "hocba.signing.school-seal.alias=con-dau-san-xuat",
                "hocba.signing.school-seal.pin-file=" + dir.resolve("seal-pin"),
                "hocba.signing.people.gv05.kind=pkcs12",
                "hocba.signing.people.gv05.file=" + dir.resolve("ca/people/tran-thi-hoa.p12"),
                "hocba.signing.people.gv05.password-file=" + dir.resolve("p12-password"),
                "hocba.signing.csc.ca.base-url=" + http.url("/csc/v2"),
                "hocba.signing.csc.ca.access-token-file=" + dir.resolve("csc-token"),
                "hocba.signing.people.hieutruong.kind=csc",
                "hocba.signing.people.hieutruong.csc-service=ca",
                "hocba.signing.people.hieutruong.credential-id=nam-2026",
                "hocba.signing.people.hieutruong.pin-file=" + dir.resolve("csc-pin"));
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    private static ApplicationContextRunner application(List<String> properties) {
        return new ApplicationContextRunner().withUserConfiguration(SigningConfiguration.class)
                .withPropertyValues(properties.toArray(String[]::new));
    }

    private static List<String> production(String... changes) {
        List<String> properties = new ArrayList<>(production);
        for (String change : changes) {
            String key = change.substring(0, change.indexOf('='));
            properties.removeIf(p -> p.startsWith(key + "="));
            if (!change.endsWith("=")) {
                properties.add(change);
            }
        }
        return properties;
    }

    @Test
    void aTranscriptSignedWithTheProductionConfigurationValidatesAtBaselineLtaWithTheConfiguredTrustAnchor() {
        application(production).run(context -> {
            SigningInstallation installation = context.getBean(SigningInstallation.class);
            SigningServices services = installation.services();
            ConfiguredCredentials keys = installation.credentials();
            SigningChain chain = services.chain(Clock.systemUTC());

            byte[] signed = chain.signTranscript(TestDocuments.transcript(), keys.person("Trần Thị Hoa"),
                    keys.person("LÊ VĂN NAM"), keys.seal());

            SimpleReport report = new SignatureVerifier(services.trustAnchors()).validate(signed, "hoc-ba.pdf")
                    .getSimpleReport();
            assertThat(report.getSignatureIdList()).hasSize(3);
            for (String id : report.getSignatureIdList()) {
                assertThat(report.getIndication(id)).as(report.getSignedBy(id) + " " + report.getAdESValidationErrors(id))
                        .isEqualTo(Indication.TOTAL_PASSED);
                assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
            }
            assertThat(report.getSignedBy(report.getSignatureIdList().get(2))).isEqualTo(DevelopmentPki.ORGANISATION);
            assertThat(http.timeStampRequests.get()).as("3 signature time-stamps + 1 document time-stamp over HTTP")
                    .isGreaterThanOrEqualTo(4);
            assertThat(http.ocspRequests.get()).as("the CA's OCSP responder asked over HTTP").isPositive();
            assertThat(Files.exists(dir.resolve("data/pki"))).as("no development PKI in production").isFalse();
        });
    }

    @Test
    void theTimeStampAnswerLimitIsASettingAndATokenLargerThanItIsRefused() {
        // The CA's token with its TSA's certificate is a few KB: a limit of 1 KB refuses it, naming the limit.
        application(production("hocba.signing.time-stamping.max-answer-size=1KB")).run(context -> {
            SigningInstallation installation = context.getBean(SigningInstallation.class);
            SigningChain chain = installation.services().chain(Clock.systemUTC());
            ConfiguredCredentials keys = installation.credentials();
            assertThatThrownBy(() -> chain.signTranscript(TestDocuments.transcript(), keys.person("Trần Thị Hoa"),
                    keys.person("LÊ VĂN NAM"), keys.seal())).isInstanceOf(SigningException.class)
                    .hasMessageContaining("vượt quá giới hạn 1 KB");
        });
    }

    @Test
    void aPersonIsFoundByTheirAccountFirstSoADifferentlySpelledStaffNameStillSignsWithTheirKey() {
        application(production).run(context -> {
            ConfiguredCredentials keys = context.getBean(SigningInstallation.class).credentials();
            SigningCredential hoa = keys.person("Trần Thị Hoa");
            assertThat(keys.person("gv05", "Trần T. Hoa")).isSameAs(hoa);
            assertThat(keys.person(null, "TRẦN THỊ HOA")).isSameAs(hoa);
            assertThat(keys.person("hieutruong", "Lê Văn Nam")).isNotSameAs(hoa);
            assertThatThrownBy(() -> keys.person("gv06", "Phạm Văn Đức")).isInstanceOf(SigningException.class)
                    .hasMessageContaining("Chưa cấu hình chứng thư số cho Phạm Văn Đức");
        });
    }

    @Test
    void aMissingKeyFileStopsTheStartUpNamingTheProperty() {
        application(production("hocba.signing.people.gv05.file=" + dir.resolve("khong-co.p12"))).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SigningConfigurationException.class)
                    .hasMessageContaining("hocba.signing.people.gv05.file: không có tệp " + dir.resolve("khong-co.p12"));
        });
    }

    @Test
    void everyBrokenSettingIsReportedInOneStartUp() {
        application(production("hocba.signing.time-stamping.urls[0]=", "hocba.signing.school-seal.pin-file=",
                "hocba.signing.school-seal.pin-env=HOCBA_TEST_SEAL_PIN_NEVER_SET",
                "hocba.signing.people.gv05.password-file=" + dir.resolve("seal-pin"),
                "hocba.signing.people.hieutruong.csc-service=ca-khac",
                "hocba.signing.csc.ca.max-answer-size=0B", "hocba.signing.revocation.max-crl-size=-1MB",
                "hocba.signing.trust-anchors[0]=" + dir.resolve("khong-co-thu-muc"))).run(context -> {
            assertThat(context).hasFailed();
            assertThat(((SigningConfigurationException) NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure())).problems())
                    .anySatisfy(p -> assertThat(p).startsWith("hocba.signing.trust-anchors[0]: không có tệp hay thư mục"))
                    .anySatisfy(p -> assertThat(p).startsWith("hocba.signing.time-stamping.urls: thiếu địa chỉ"))
                    .anySatisfy(p -> assertThat(p).isEqualTo("hocba.signing.school-seal.pin-env: biến môi trường "
                            + "HOCBA_TEST_SEAL_PIN_NEVER_SET (chứa mã PIN của thiết bị ký) chưa được đặt."))
                    .anySatisfy(p -> assertThat(p).startsWith("hocba.signing.people.gv05.file: Không mở được tệp "
                            + "chứng thư số tran-thi-hoa.p12 (sai mật khẩu"))
                    .anySatisfy(p -> assertThat(p).isEqualTo("hocba.signing.people.hieutruong.csc-service: không có dịch vụ "
                            + "ký từ xa «ca-khac» trong hocba.signing.csc."))
                    .anySatisfy(p -> assertThat(p).isEqualTo("hocba.signing.csc.ca.max-answer-size: phải là một dung lượng "
                            + "dương, ví dụ 1MB."))
                    .anySatisfy(p -> assertThat(p).isEqualTo("hocba.signing.revocation.max-crl-size: phải là một dung lượng "
                            + "dương, ví dụ 1MB."));
        });
    }

    @Test
    void theExampleConfigurationOfSigningConfigBindsAndOnlyItsFilesAndSecretsAreMissingHere() {
        new ApplicationContextRunner().withUserConfiguration(SigningConfiguration.class)
                .withPropertyValues("hocba.data-dir=" + dir.resolve("example"))
                .withInitializer(context -> {
                    try {
                        new YamlPropertySourceLoader().load("example", new FileSystemResource(
                                "signing-config/production.example.yml")).forEach(context.getEnvironment().getPropertySources()::addLast);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).run(context -> {
                    assertThat(context).hasFailed();
                    List<String> problems = ((SigningConfigurationException) NestedExceptionUtils
                            .getMostSpecificCause(context.getStartupFailure())).problems();
                    assertThat(problems).allSatisfy(p -> assertThat(p).matches(
                            "hocba\\.signing\\.[a-z0-9.\\[\\]-]+: (không có tệp|không đọc được tệp|biến môi trường"
                                    + "|không có tệp hay thư mục).*"));
                    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("hocba.signing.school-seal.library:"))
                            .anySatisfy(p -> assertThat(p).startsWith("hocba.signing.people.gv01.pin-env:"));
                });
    }

    @Test
    void aPinWrittenIntoThePropertiesIsRefused() {
        application(production("hocba.signing.school-seal.pin=1234")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("hocba.signing.school-seal.pin");
        });
    }

    @Test
    void byDefaultTheDevelopmentPkiIsUsedAndCreatedOnlyAtFirstUse() {
        application(List.of("hocba.data-dir=" + dir.resolve("dev"))).run(context -> {
            SigningInstallation installation = context.getBean(SigningInstallation.class);
            assertThat(installation.isProduction()).isFalse();
            assertThat(Files.exists(dir.resolve("dev/pki"))).isFalse();

            assertThat(installation.services().trustAnchors())
                    .containsExactly(installation.developmentPki().rootCertificate());
            assertThat(Files.exists(dir.resolve("dev/pki/root.p12"))).isTrue();
        });
    }
}
