//! Civil time without a time-zone database: UTC only, which is what the simulated clock uses.

/// The latest simulated time: 9999-12-31T23:59:59Z, in ms since the epoch.
pub const MAX_SIM_TIME_MS: u64 = 253_402_300_799_000;

/// Days since 1970-01-01 → (year, month 1-12, day 1-31). Howard Hinnant's algorithm.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// (year, month, day) → days since 1970-01-01.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Days in month `m` (1-12) of year `y` (Gregorian).
pub fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Syslog form: `Nov 24 22:05:09`.
pub fn syslog(ms: u64) -> String {
    let secs = (ms / 1000) as i64;
    let (_, m, d) = civil_from_days(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400);
    format!(
        "{} {:>2} {:02}:{:02}:{:02}",
        MONTHS[(m - 1) as usize],
        d,
        t / 3600,
        t % 3600 / 60,
        t % 60
    )
}

/// RFC 3339 UTC form with milliseconds: `2026-11-24T22:05:09.120Z`.
pub fn rfc3339(ms: u64) -> String {
    let secs = (ms / 1000) as i64;
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        t / 3600,
        t % 3600 / 60,
        t % 60,
        ms % 1000
    )
}

/// Parse a point in time: integer seconds since the epoch, or `YYYY-MM-DDTHH:MM:SS[.fff][Z]`
/// (UTC; a space may replace the `T`). Returns ms since the epoch.
pub fn parse_time(s: &str) -> Option<u64> {
    let s = s.trim();
    if let Ok(secs) = s.parse::<u64>() {
        return secs.checked_mul(1000);
    }
    let s = s.strip_suffix('Z').unwrap_or(s);
    let (date, time) = s.split_once(['T', ' '])?;
    let mut dp = date.split('-');
    let y: i64 = dp.next()?.parse().ok()?;
    let mo: u32 = dp.next()?.parse().ok()?;
    let d: u32 = dp.next()?.parse().ok()?;
    if dp.next().is_some() || !(1..=12).contains(&mo) || !(1..=days_in_month(y, mo)).contains(&d) {
        return None;
    }
    let (hms, frac) = match time.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (time, None),
    };
    let mut tp = hms.split(':');
    let h: u64 = tp.next()?.parse().ok()?;
    let mi: u64 = tp.next()?.parse().ok()?;
    let sec: u64 = tp.next().unwrap_or("0").parse().ok()?;
    if h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let ms_frac: u64 = match frac {
        Some(f) if !f.is_empty() && f.len() <= 3 && f.bytes().all(|b| b.is_ascii_digit()) => {
            f.parse::<u64>().ok()? * 10u64.pow(3 - f.len() as u32)
        }
        Some(_) => return None,
        None => 0,
    };
    let days = days_from_civil(y, mo, d);
    if days < 0 {
        return None;
    }
    Some((days as u64 * 86_400 + h * 3600 + mi * 60 + sec) * 1000 + ms_frac)
}

/// Parse the syslog form the event log prints, `Nov 24 09:02:05` (seconds optional), as the
/// most recent such time not after `now_ms` + one day (syslog lines carry no year). Returns ms.
pub fn parse_syslog(s: &str, now_ms: u64) -> Option<u64> {
    let mut w = s.split_whitespace();
    let mon = w.next()?;
    let m = MONTHS
        .iter()
        .position(|x| x.eq_ignore_ascii_case(mon))
        .map(|i| i as u32 + 1)?;
    let d: u32 = w.next()?.parse().ok()?;
    let time = w.next()?;
    if w.next().is_some() || !(1..=31).contains(&d) {
        return None;
    }
    let (year, _, _) = civil_from_days((now_ms / 1000 / 86_400) as i64);
    [year, year - 1].into_iter().find_map(|y| {
        let t = parse_time(&format!("{y:04}-{m:02}-{d:02}T{time}"))?;
        (t <= now_ms.saturating_add(86_400_000)).then_some(t)
    })
}

/// Parse a duration in the common spellings: a bare number of seconds (`90`), or spans with
/// units as `humantime` reads them (`90s`, `10m`, `10min`, `10 minutes`, `1h30m`, `1h 30m`,
/// `2d`, `500ms`). Returns ms.
pub fn parse_duration(s: &str) -> Option<u64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(n) = s.parse::<u64>() {
        return n.checked_mul(1000);
    }
    // humantime wants the unit right after the number: `10 minutes` → `10minutes`.
    let mut joined = String::with_capacity(s.len());
    let mut prev_digit = false;
    for c in s.chars() {
        if c.is_whitespace() && prev_digit {
            continue;
        }
        prev_digit = c.is_ascii_digit();
        joined.push(c);
    }
    let d = humantime::parse_duration(&joined).ok()?;
    u64::try_from(d.as_millis()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syslog_times_take_the_year_of_now() {
        let now = parse_time("2026-11-24T09:30:00Z").unwrap();
        assert_eq!(
            parse_syslog("Nov 24 09:02:05", now),
            parse_time("2026-11-24T09:02:05Z")
        );
        assert_eq!(
            parse_syslog("nov 24 09:02", now),
            parse_time("2026-11-24T09:02:00Z")
        );
        // December is last year's.
        assert_eq!(
            parse_syslog("Dec 31 23:00:00", now),
            parse_time("2025-12-31T23:00:00Z")
        );
        assert_eq!(parse_syslog("Nov 24", now), None);
        assert_eq!(parse_syslog("Foo 24 09:00", now), None);
    }

    #[test]
    fn civil_round_trip() {
        for days in [-1000, 0, 1, 365, 20_000, 20_781, 100_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn parses_and_formats() {
        let t = parse_time("2026-11-24T22:05:09Z").unwrap();
        assert_eq!(rfc3339(t), "2026-11-24T22:05:09.000Z");
        assert_eq!(syslog(t), "Nov 24 22:05:09");
        assert_eq!(parse_time("1000"), Some(1_000_000));
        assert_eq!(parse_time("2026-13-01T00:00:00"), None);
        assert_eq!(parse_time("2026-02-31T00:00:00Z"), None);
        assert_eq!(parse_time("2026-04-31T00:00:00Z"), None);
        assert!(parse_time("2028-02-29T00:00:00Z").is_some());
        assert_eq!(parse_time("2026-02-29T00:00:00Z"), None);
        assert_eq!(parse_time("yesterday"), None);
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90"), Some(90_000));
        assert_eq!(parse_duration("1h30m"), Some(5_400_000));
        assert_eq!(parse_duration("500ms"), Some(500));
        assert_eq!(parse_duration("2d"), Some(172_800_000));
        assert_eq!(parse_duration("5x"), None);
        assert_eq!(parse_duration("m"), None);
        assert_eq!(parse_duration("10m"), Some(600_000));
        assert_eq!(parse_duration("10 minutes"), Some(600_000));
        assert_eq!(parse_duration("10min"), Some(600_000));
        assert_eq!(parse_duration("1h 30m"), Some(5_400_000));
        assert_eq!(parse_duration("2 hours 5 seconds"), Some(7_205_000));
        assert_eq!(parse_duration("ten minutes"), None);
    }
}
