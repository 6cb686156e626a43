package vn.hocba.hocbaso;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's {@code xmlsec1 --verify} (the independent XMLDSig verifier) on one signature of a file. */
public final class Xmlsec1 {

    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private Xmlsec1() {
    }

    public static Result verify(Path file, Path trustedRoot, String signatureId) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("xmlsec1", "--verify", "--trusted-pem", trustedRoot.toString(),
                "--id-attr:Id", "DU_LIEU_HOC_BA", "--id-attr:Id", "THONG_TIN_HOC_BA", "--id-attr:Id", "DIEM_TONG_KET",
                "--id-attr:Id", "NOI_DUNG_GOI", "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties",
                "--id-attr:Id", "http://www.w3.org/2000/09/xmldsig#:Signature", "--node-id", signatureId, file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("xmlsec1 did not finish");
        }
        return new Result(process.exitValue(), output);
    }
}
