package io.loaxa.schedules.lunar;

/**
 * The sexagenary name of a lunar year as announced on air, e.g. "Đinh Mùi" for 2027: one of ten
 * heavenly stems (can) and one of twelve earthly branches (chi), the pair repeating every 60 years.
 * Branches follow the Vietnamese zodiac, where Sửu is the buffalo and Mão the cat.
 */
public record CanChi(Stem stem, Branch branch) {
  /** The ten heavenly stems, from Giáp; each is yang or yin of one of five elements. */
  public enum Stem {
    GIAP("Giáp", "Yang Wood"), AT("Ất", "Yin Wood"), BINH("Bính", "Yang Fire"), DINH("Đinh", "Yin Fire"),
    MAU("Mậu", "Yang Earth"), KY("Kỷ", "Yin Earth"), CANH("Canh", "Yang Metal"), TAN("Tân", "Yin Metal"),
    NHAM("Nhâm", "Yang Water"), QUY("Quý", "Yin Water");

    private final String vietnamese;
    private final String english;

    Stem(String vietnamese, String english) {
      this.vietnamese = vietnamese;
      this.english = english;
    }

    public String vietnamese() {
      return vietnamese;
    }

    public String english() {
      return english;
    }
  }

  /** The twelve earthly branches, from Tý, with the animal each stands for in Vietnam. */
  public enum Branch {
    TY("Tý", "Rat"), SUU("Sửu", "Buffalo"), DAN("Dần", "Tiger"), MAO("Mão", "Cat"), THIN("Thìn", "Dragon"),
    TI("Tỵ", "Snake"), NGO("Ngọ", "Horse"), MUI("Mùi", "Goat"), THAN("Thân", "Monkey"), DAU("Dậu", "Rooster"),
    TUAT("Tuất", "Dog"), HOI("Hợi", "Pig");

    private final String vietnamese;
    private final String english;

    Branch(String vietnamese, String english) {
      this.vietnamese = vietnamese;
      this.english = english;
    }

    public String vietnamese() {
      return vietnamese;
    }

    public String english() {
      return english;
    }
  }

  public CanChi {
    if (stem == null || branch == null) {
      throw new IllegalArgumentException("a year name needs a stem and a branch");
    }
    if (stem.ordinal() % 2 != branch.ordinal() % 2) {
      throw new IllegalArgumentException("no year is named " + stem.vietnamese() + " " + branch.vietnamese());
    }
  }

  /** Name of lunar year {@code lunarYear} (the year that begins at its Tết); any year AD. */
  public static CanChi ofYear(int lunarYear) {
    if (lunarYear < 1) {
      throw new IllegalArgumentException("year names are given for years AD; got " + lunarYear);
    }
    // 4 AD was Giáp Tý, the start of a cycle.
    int inCycle = Math.floorMod(lunarYear - 4, 60);
    return new CanChi(Stem.values()[inCycle % 10], Branch.values()[inCycle % 12]);
  }

  /** As said on air: "Đinh Mùi". */
  public String vietnamese() {
    return stem.vietnamese() + " " + branch.vietnamese();
  }

  /** Plain English for foreign visitors and logs: "Yin Fire Goat". */
  public String english() {
    return stem.english() + " " + branch.english();
  }

  @Override
  public String toString() {
    return vietnamese();
  }
}
