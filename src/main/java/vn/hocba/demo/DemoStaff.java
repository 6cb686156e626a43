package vn.hocba.demo;

import java.util.List;
import vn.hocba.schoolyear.Position;

/** The demo school's people: who teaches what, who leads, who keeps the records. */
final class DemoStaff {

    /**
     * A staff member: {@code subjects} lists the subject codes they teach; a subject code with a
     * suffix ":first-last" means only those regular columns (co-teachers of integrated subjects).
     */
    record Person(String code, String fullName, Position position, String department, String username,
            List<String> subjects) {
    }

    static final List<String[]> DEPARTMENTS = List.of(
            new String[] {"TO_VAN", "Tổ Ngữ văn – Giáo dục công dân"},
            new String[] {"TO_TOAN", "Tổ Toán – Tin học – Công nghệ"},
            new String[] {"TO_KHTN", "Tổ Khoa học tự nhiên"},
            new String[] {"TO_XH", "Tổ Lịch sử và Địa lí – Ngoại ngữ"},
            new String[] {"TO_NK", "Tổ Năng khiếu – Hoạt động"});

    static final List<Person> PEOPLE = List.of(
            new Person("HT01", "Lê Văn Triển", Position.PRINCIPAL, null, "hieutruong", List.of()),
            new Person("PHT01", "Nguyễn Thị Thu Hà", Position.VICE_PRINCIPAL, null, "phohieutruong", List.of()),
            new Person("QT01", "Nguyễn Thị Huế", Position.OTHER, null, "quantri", List.of()),
            new Person("VT01", "Trần Thị Mỹ Lệ", Position.CLERK, null, "vanthu", List.of()),
            teacher("GV01", "Phạm Thị Hồng Nhung", "TO_VAN", "NGU_VAN"),
            teacher("GV02", "Đặng Thị Ánh Tuyết", "TO_VAN", "NGU_VAN"),
            teacher("GV03", "Võ Minh Đức", "TO_VAN", "NGU_VAN", "GDCD"),
            teacher("GV04", "Trần Quốc Bảo", "TO_TOAN", "TOAN"),
            teacher("GV05", "Lê Thị Ngọc Ánh", "TO_TOAN", "TOAN"),
            teacher("GV06", "Hoàng Văn Ửng", "TO_TOAN", "TOAN"),
            teacher("GV07", "Nguyễn Thị Lan Anh", "TO_XH", "NGOAI_NGU_1"),
            teacher("GV08", "Bùi Thanh Hương", "TO_XH", "NGOAI_NGU_1"),
            teacher("GV09", "Đỗ Thị Hạnh", "TO_VAN", "GDCD"),
            teacher("GV10", "Ngô Văn Sử", "TO_XH", "LS_DL:1-2"),
            teacher("GV11", "Dương Thị Thu Trang", "TO_XH", "LS_DL:1-2"),
            teacher("GV12", "Hồ Quang Địa", "TO_XH", "LS_DL:3-4"),
            teacher("GV13", "Phan Thị Kim Oanh", "TO_KHTN", "KHTN"),
            teacher("GV14", "Vũ Đình Khoa", "TO_KHTN", "KHTN"),
            teacher("GV15", "Lý Thị Bích Ngọc", "TO_KHTN", "KHTN"),
            teacher("GV16", "Trịnh Văn Công", "TO_TOAN", "CONG_NGHE"),
            teacher("GV17", "Đinh Thị Ái Vân", "TO_TOAN", "TIN_HOC"),
            teacher("GV18", "Nguyễn Văn Mạnh", "TO_NK", "GDTC"),
            teacher("GV19", "Trần Thị Ơn", "TO_NK", "GDTC"),
            teacher("GV20", "Lê Hoàng Âm", "TO_NK", "NGHE_THUAT:1-1"),
            teacher("GV21", "Phạm Thị Mĩ", "TO_NK", "NGHE_THUAT:2-2"),
            teacher("GV22", "Huỳnh Thị Diệu", "TO_NK", "HDTN_HN:2-2"),
            teacher("GV23", "Vương Thị Ỷ Lan", "TO_NK", "HDTN_HN:2-2"),
            teacher("GV24", "Đoàn Văn Quê", "TO_XH", "GDDP"),
            teacher("GV25", "Mai Thị Hương Giang", "TO_XH", "GDDP"));

    /** Homeroom teachers by class; each also runs column 1 of HĐTN-HN (flag ceremony, class meetings; seed 000). */
    static final List<String[]> HOMEROOMS = List.of(
            new String[] {"6A1", "GV01"}, new String[] {"6A2", "GV04"}, new String[] {"7A1", "GV07"},
            new String[] {"7A2", "GV13"}, new String[] {"8A1", "GV02"}, new String[] {"8A2", "GV05"},
            new String[] {"9A1", "GV14"}, new String[] {"9A2", "GV10"});

    static final String PASSWORD = "HocBa@2025";

    /**
     * The homeroom teacher of each of {@code classCodes}: those of {@link #HOMEROOMS}, and for every other class
     * (a demo school sized larger, {@link DemoSize}) a further teacher GV26, GV27, … who has that homeroom only.
     */
    static List<String[]> homerooms(List<String> classCodes) {
        List<String[]> result = new java.util.ArrayList<>();
        int extra = PEOPLE.size() - 4;
        for (String code : classCodes) {
            String teacher = HOMEROOMS.stream().filter(h -> h[0].equals(code)).map(h -> h[1]).findFirst()
                    .orElse(null);
            result.add(new String[] {code, teacher != null ? teacher : String.format("GV%02d", ++extra)});
        }
        return result;
    }

    /** {@link #PEOPLE} and the further homeroom teachers that {@code homerooms} names (seeded names). */
    static List<Person> people(List<String[]> homerooms) {
        List<Person> people = new java.util.ArrayList<>(PEOPLE);
        DemoNames names = new DemoNames(20250815L);
        for (String[] homeroom : homerooms) {
            if (people.stream().noneMatch(p -> p.code().equals(homeroom[1]))) {
                people.add(teacher(homeroom[1], names.fullName(names.sex()), "TO_NK"));
            }
        }
        return people;
    }

    private DemoStaff() {
    }

    private static Person teacher(String code, String name, String department, String... subjects) {
        return new Person(code, name, Position.TEACHER, department, code.toLowerCase(), List.of(subjects));
    }
}
