//! The two Windows code pages of Polish and Russian Excel, as tables of the
//! characters for bytes 0x80–0xFF.
//!
//! Written out (generated from the WHATWG Encoding Standard's index, as
//! Python's `cp1250`/`cp1251` codecs give it, with unassigned bytes mapped
//! to the C1 control of the same value as WHATWG does) instead of linking
//! `encoding_rs`, whose decoder dispatch pulls every encoding's tables into
//! the page: 220 KB gzipped for the two tables of 128 characters needed
//! here. A test compares both tables with `encoding_rs`, byte by byte.

/// Central European (Polish Excel), bytes 0x80–0xFF.
pub const WINDOWS_1250: [char; 128] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0083}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{0088}',
    '\u{2030}', '\u{0160}', '\u{2039}', '\u{015A}', '\u{0164}', '\u{017D}', '\u{0179}', '\u{0090}', '\u{2018}',
    '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{0098}', '\u{2122}', '\u{0161}',
    '\u{203A}', '\u{015B}', '\u{0165}', '\u{017E}', '\u{017A}', '\u{00A0}', '\u{02C7}', '\u{02D8}', '\u{0141}',
    '\u{00A4}', '\u{0104}', '\u{00A6}', '\u{00A7}', '\u{00A8}', '\u{00A9}', '\u{015E}', '\u{00AB}', '\u{00AC}',
    '\u{00AD}', '\u{00AE}', '\u{017B}', '\u{00B0}', '\u{00B1}', '\u{02DB}', '\u{0142}', '\u{00B4}', '\u{00B5}',
    '\u{00B6}', '\u{00B7}', '\u{00B8}', '\u{0105}', '\u{015F}', '\u{00BB}', '\u{013D}', '\u{02DD}', '\u{013E}',
    '\u{017C}', '\u{0154}', '\u{00C1}', '\u{00C2}', '\u{0102}', '\u{00C4}', '\u{0139}', '\u{0106}', '\u{00C7}',
    '\u{010C}', '\u{00C9}', '\u{0118}', '\u{00CB}', '\u{011A}', '\u{00CD}', '\u{00CE}', '\u{010E}', '\u{0110}',
    '\u{0143}', '\u{0147}', '\u{00D3}', '\u{00D4}', '\u{0150}', '\u{00D6}', '\u{00D7}', '\u{0158}', '\u{016E}',
    '\u{00DA}', '\u{0170}', '\u{00DC}', '\u{00DD}', '\u{0162}', '\u{00DF}', '\u{0155}', '\u{00E1}', '\u{00E2}',
    '\u{0103}', '\u{00E4}', '\u{013A}', '\u{0107}', '\u{00E7}', '\u{010D}', '\u{00E9}', '\u{0119}', '\u{00EB}',
    '\u{011B}', '\u{00ED}', '\u{00EE}', '\u{010F}', '\u{0111}', '\u{0144}', '\u{0148}', '\u{00F3}', '\u{00F4}',
    '\u{0151}', '\u{00F6}', '\u{00F7}', '\u{0159}', '\u{016F}', '\u{00FA}', '\u{0171}', '\u{00FC}', '\u{00FD}',
    '\u{0163}', '\u{02D9}',
];

/// Cyrillic (Russian Excel), bytes 0x80–0xFF.
pub const WINDOWS_1251: [char; 128] = [
    '\u{0402}', '\u{0403}', '\u{201A}', '\u{0453}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{20AC}',
    '\u{2030}', '\u{0409}', '\u{2039}', '\u{040A}', '\u{040C}', '\u{040B}', '\u{040F}', '\u{0452}', '\u{2018}',
    '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{0098}', '\u{2122}', '\u{0459}',
    '\u{203A}', '\u{045A}', '\u{045C}', '\u{045B}', '\u{045F}', '\u{00A0}', '\u{040E}', '\u{045E}', '\u{0408}',
    '\u{00A4}', '\u{0490}', '\u{00A6}', '\u{00A7}', '\u{0401}', '\u{00A9}', '\u{0404}', '\u{00AB}', '\u{00AC}',
    '\u{00AD}', '\u{00AE}', '\u{0407}', '\u{00B0}', '\u{00B1}', '\u{0406}', '\u{0456}', '\u{0491}', '\u{00B5}',
    '\u{00B6}', '\u{00B7}', '\u{0451}', '\u{2116}', '\u{0454}', '\u{00BB}', '\u{0458}', '\u{0405}', '\u{0455}',
    '\u{0457}', '\u{0410}', '\u{0411}', '\u{0412}', '\u{0413}', '\u{0414}', '\u{0415}', '\u{0416}', '\u{0417}',
    '\u{0418}', '\u{0419}', '\u{041A}', '\u{041B}', '\u{041C}', '\u{041D}', '\u{041E}', '\u{041F}', '\u{0420}',
    '\u{0421}', '\u{0422}', '\u{0423}', '\u{0424}', '\u{0425}', '\u{0426}', '\u{0427}', '\u{0428}', '\u{0429}',
    '\u{042A}', '\u{042B}', '\u{042C}', '\u{042D}', '\u{042E}', '\u{042F}', '\u{0430}', '\u{0431}', '\u{0432}',
    '\u{0433}', '\u{0434}', '\u{0435}', '\u{0436}', '\u{0437}', '\u{0438}', '\u{0439}', '\u{043A}', '\u{043B}',
    '\u{043C}', '\u{043D}', '\u{043E}', '\u{043F}', '\u{0440}', '\u{0441}', '\u{0442}', '\u{0443}', '\u{0444}',
    '\u{0445}', '\u{0446}', '\u{0447}', '\u{0448}', '\u{0449}', '\u{044A}', '\u{044B}', '\u{044C}', '\u{044D}',
    '\u{044E}', '\u{044F}',
];

/// Decodes single-byte text with a table for the upper half.
pub fn decode_single_byte(bytes: &[u8], upper: &[char; 128]) -> String {
    bytes.iter().map(|&b| if b < 0x80 { char::from(b) } else { upper[usize::from(b - 0x80)] }).collect()
}

/// Decodes UTF-16 (without its byte-order mark); unpaired surrogates become
/// U+FFFD.
pub fn decode_utf16(bytes: &[u8], little_endian: bool) -> String {
    let units = bytes.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_match_encoding_rs() {
        for (table, encoding) in
            [(&WINDOWS_1250, encoding_rs::WINDOWS_1250), (&WINDOWS_1251, encoding_rs::WINDOWS_1251)]
        {
            let upper: Vec<u8> = (0x80..=0xFF).collect();
            let (expected, _, _) = encoding.decode(&upper);
            assert_eq!(decode_single_byte(&upper, table), expected, "{}", encoding.name());
        }
    }

    #[test]
    fn utf16_both_ways_round() {
        let text = "Клиент;Kwota zł\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode_utf16(&le, true), text);
        assert_eq!(decode_utf16(&be, false), text);
    }
}
