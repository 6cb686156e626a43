package vn.hocba.schoolyear;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.TypedText;

/**
 * The school's own data the admin board keeps: name, province, district (quận/huyện) and commune (xã/phường/đặc
 * khu, since 1 July 2025). Audited.
 */
@Service
@Transactional
public class SchoolData {

    /** What the school-data page shows and edits. */
    public record Details(String code, String name, String province, String district, String level, String commune) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    public SchoolData(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Details of(SchoolId school) {
        return jdbc.sql("select code, name, province, district, level, commune from school where id = ?").param(school.value())
                .query((rs, n) -> new Details(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .single();
    }

    public void update(SchoolId school, String name, String province, String district, String commune, Actor by) {
        Details old = of(school);
        String newName = Codes.text(name, "tên trường", 200);
        String newProvince = Codes.text(province, "tỉnh/thành phố", 100);
        String newDistrict = TypedText.optional(district, "quận/huyện", 100);
        String newCommune = TypedText.optional(commune, "xã/phường/đặc khu", 100);
        jdbc.sql("update school set name = ?, province = ?, district = ?, commune = ? where id = ?")
                .params(newName, newProvince, newDistrict, newCommune, school.value()).update();
        audit.append(new AuditRecord(by, "SCHOOL_DATA_CHANGED", "school " + school.value(),
                old.name() + " | " + old.commune() + " | " + old.district() + " | " + old.province(),
                newName + " | " + newCommune + " | " + newDistrict + " | " + newProvince, null, null));
    }
}
