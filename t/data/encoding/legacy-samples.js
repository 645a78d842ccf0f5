// Regenerates legacy-samples.json: each sample's bytes decoded by node's
// TextDecoder (full ICU). Only samples where ICU agrees with the Encoding
// Standard are listed (ICU differs on Big5 leads below 0x87, on EUC-KR's
// extended Hangul, on JIS X 0212 IBM extensions, on Shift_JIS 0x80 and on
// which trail bytes are re-read after an error). Run: node legacy-samples.js > legacy-samples.json
'use strict';
const samples = [
    ['gb18030', 'c4e3bac3cac0bde7'],                 // 你好世界
    ['gb18030', '81308130'],                         // U+0080, four bytes
    ['gb18030', '8431a439'],                         // U+FFFF
    ['gb18030', '90308130e3329a35'],                 // U+10000, U+10FFFF
    ['gb18030', '9439da33'],                         // U+1F600
    ['gb18030', '80a1a2a3a4'],                       // euro sign, symbols
    ['gb18030', '41b0a142'],
    ['gbk', 'd6d0cec4d7d6b7fb'],                     // 中文字符
    ['gbk', '80'],
    ['big5', 'a4a4a4e5a672b2c5'],                    // 中文字符 (traditional)
    ['big5', 'a7dabe7ca5cea6e6'],
    ['big5', 'f9f9f9fa'],
    ['euc-jp', 'c6fccbdcb8eca5c6a5ada5b9a5c8'],     // 日本語テキスト
    ['euc-jp', '8eb18eb2'],                          // half-width katakana
    ['euc-jp', '8fb0a18fb0a2'],                      // JIS X 0212
    ['shift_jis', '93fa967b8cea8365834c8358836700'], // 日本語テキスト
    ['shift_jis', 'b1b2b3'],                         // half-width katakana
    ['shift_jis', '5c7e41'],
    ['iso-2022-jp', '1b2442467c4b5c386c1b2842'],     // 日本語
    ['iso-2022-jp', '1b284a5c7e1b2842'],             // Roman: yen, overline
    ['iso-2022-jp', '1b284931321b2842'],             // katakana
    ['iso-2022-jp', '41421b2442304a1b284243'],
    ['euc-kr', 'c7d1b1b9beee'],                      // 한국어
    ['euc-kr', 'b0a1b3aab4d9'],
];
const out = samples.map(function (s) {
    const text = new TextDecoder(s[0]).decode(Buffer.from(s[1], 'hex'));
    return [s[0], s[1], Array.from(text, function (c) { return c.codePointAt(0); })];
});
process.stdout.write('[\n' + out.map(function (e) { return '  ' + JSON.stringify(e); }).join(',\n') + '\n]\n');
