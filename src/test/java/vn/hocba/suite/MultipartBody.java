package vn.hocba.suite;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A multipart/form-data body with one file part, as a browser's upload form sends it. */
record MultipartBody(byte[] bytes, String contentType) {

    private static final String BOUNDARY = "----hocbasuite7f3a";
    /** The content type of every body made here (one boundary). */
    static final String TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    static MultipartBody file(String field, String fileName, byte[] content) {
        String boundary = BOUNDARY;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new MultipartBody(out.toByteArray(), TYPE);
    }
}
