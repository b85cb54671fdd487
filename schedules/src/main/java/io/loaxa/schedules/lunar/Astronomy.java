package io.loaxa.schedules.lunar;

/**
 * The two sky events the calendar rests on, new moons and the sun's longitude, by the
 * low-precision series of Jean Meeus ("Astronomical Formulae for Calculators" for the moon,
 * "Astronomical Algorithms" chapter 25 for the sun). Good to within minutes over 1900–2100,
 * which decides the calendar except when a new moon falls within minutes of midnight.
 */
final class Astronomy {
  /** Julian day number of 1970-01-01, so that {@code epochDay + this} is a Julian day number. */
  static final long EPOCH_JULIAN_DAY = 2_440_588;

  /** Mean length of a synodic month, in days. */
  static final double SYNODIC_MONTH = 29.530588853;

  /** Julian day number of 1900-01-01; new moon number 0 falls on the evening of that day. */
  private static final long JULIAN_DAY_1900 = 2_415_021;

  private Astronomy() {}

  /** Julian ephemeris date (days, Terrestrial Time converted to UT) of new moon number {@code k}. */
  static double newMoon(long k) {
    double t = k / 1236.85;
    double t2 = t * t;
    double t3 = t2 * t;
    double mean = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
        + 0.00033 * sinDeg(166.56 + 132.87 * t - 0.009173 * t2);
    double sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
    double moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
    double latitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
    double m = sunAnomaly;
    double mp = moonAnomaly;
    double f = latitude;
    double correction = (0.1734 - 0.000393 * t) * sinDeg(m)
        + 0.0021 * sinDeg(2 * m)
        - 0.4068 * sinDeg(mp)
        + 0.0161 * sinDeg(2 * mp)
        - 0.0004 * sinDeg(3 * mp)
        + 0.0104 * sinDeg(2 * f)
        - 0.0051 * sinDeg(m + mp)
        - 0.0074 * sinDeg(m - mp)
        + 0.0004 * sinDeg(2 * f + m)
        - 0.0004 * sinDeg(2 * f - m)
        - 0.0006 * sinDeg(2 * f + mp)
        + 0.0010 * sinDeg(2 * f - mp)
        + 0.0005 * sinDeg(m + 2 * mp);
    return mean + correction - deltaT(t);
  }

  /**
   * Terrestrial Time minus Universal Time, in days, for {@code t} Julian centuries from 1900.
   * A polynomial fit; the older branch only matters before about 800 AD.
   */
  private static double deltaT(double t) {
    if (t < -11) {
      double t2 = t * t;
      double t3 = t2 * t;
      return 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
    }
    return -0.000278 + 0.000265 * t + 0.000262 * t * t;
  }

  /** Local Julian day number of the day on which new moon {@code k} falls, {@code utcOffsetHours} east. */
  static long newMoonDay(long k, double utcOffsetHours) {
    return (long) Math.floor(newMoon(k) + 0.5 + utcOffsetHours / 24);
  }

  /** Number of the new moon nearest before or at the given Julian day, roughly (may be one off). */
  static long newMoonNumberNear(long julianDay) {
    return (long) Math.floor((julianDay - JULIAN_DAY_1900) / SYNODIC_MONTH);
  }

  /** The sun's true ecliptic longitude, in degrees 0 ≤ λ < 360, at Julian date {@code jd} (UT). */
  static double sunLongitude(double jd) {
    double t = (jd - 2451545.0) / 36525;
    double t2 = t * t;
    double meanAnomaly = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
    double meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
    double centre = (1.914600 - 0.004817 * t - 0.000014 * t2) * sinDeg(meanAnomaly)
        + (0.019993 - 0.000101 * t) * sinDeg(2 * meanAnomaly)
        + 0.000290 * sinDeg(3 * meanAnomaly);
    double longitude = (meanLongitude + centre) % 360;
    return longitude < 0 ? longitude + 360 : longitude;
  }

  /**
   * Which of the twelve major solar terms (trung khí) the sun is in at the start of a local day:
   * 0 from 0° (xuân phân) to 30°, ..., 9 from 270° (đông chí, the winter solstice), ..., 11.
   */
  static int majorTermAtStartOf(long julianDay, double utcOffsetHours) {
    double localMidnight = julianDay - 0.5 - utcOffsetHours / 24;
    return (int) (sunLongitude(localMidnight) / 30);
  }

  private static double sinDeg(double degrees) {
    return Math.sin(Math.toRadians(degrees));
  }
}
