package vn.hocba.hocbaso;

import java.util.List;
import vn.hocba.common.Rejected;

/** A record that cannot be generated yet: each missing identifier, naming the student. */
public class RecordNotReadyException extends Rejected {

    private final List<String> missing;

    public RecordNotReadyException(List<String> missing) {
        super(Reason.CONFLICT, "Chưa tạo được học bạ số: " + String.join("; ", missing));
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
