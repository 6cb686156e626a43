package vn.hocba.documents;

/**
 * A conduct or learning result per term and year, as printed ("Tốt", "Khá", "Đạt", "Chưa đạt");
 * {@code reassessed} is the level after summer training or retest, "" when none.
 */
public record TermLevels(String hk1, String hk2, String year, String reassessed) {
}
