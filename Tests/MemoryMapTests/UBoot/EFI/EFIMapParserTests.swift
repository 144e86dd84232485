import MemoryMap
import Testing
import TestSupport

/// `--efi-map` input: the four layouts of `Fixtures/efi/clean.*.txt` (Linux arm64 and x86
/// `efi=debug`, U-Boot HEAD `efidebug memmap`, v2025 `efi mem`) describe the same map.
@Suite struct EFIMapParserTests {
  /// The firmware map planted in `Fixtures/efi/clean.*`: MMIO (UC|RT), then RAM with
  /// UC|WC|WT|WB as EDK II and U-Boot boards report it, and runtime code (plus RT) at the top.
  static let cleanMap: [EFIDescriptor] = {
    let ram: EFIAttributes = [.uc, .wc, .wt, .wb]
    func d(_ t: EFIMemoryType, _ s: UInt64, _ e: UInt64, _ a: EFIAttributes) -> EFIDescriptor {
      EFIDescriptor(type: t, start: s, pages: (e - s) >> 12, attributes: a)
    }
    return [
      d(.mmio, 0x0900_0000, 0x0900_1000, [.uc, .runtime]),
      d(.reserved, 0x4000_0000, 0x4000_1000, ram), d(.conventional, 0x4000_1000, 0x4e00_0000, ram),
      d(.reserved, 0x4e00_0000, 0x5000_0000, ram), d(.conventional, 0x5000_0000, 0x7000_0000, ram),
      d(.bootServicesData, 0x7000_0000, 0x7010_0000, ram),
      d(.conventional, 0x7010_0000, 0x7ff0_0000, ram),
      d(.runtimeServicesCode, 0x7ff0_0000, 0x8000_0000, ram.union(.runtime)),
    ]
  }()

  static let formats: [(String, EFIMapFormat)] = [
    ("efi-linux-arm64", .linuxDebug), ("efi-linux-x86", .linuxX86), ("efidebug", .efidebug),
    ("efimem", .efidebugLegacy),
  ]

  @Test("each accepted layout parses to the planted map", arguments: formats.map(\.0))
  func layouts(_ suffix: String) throws {
    let text = try Fixtures.text("efi/clean.\(suffix).txt")
    let map = try EFIMapParser.parse(text, file: "clean").get()
    #expect(map.format == Self.formats.first { $0.0 == suffix }!.1)
    #expect(map.descriptors == Self.cleanMap)
  }

  @Test("the first line that is not part of the map is named")
  func badLine() throws {
    let text = try Fixtures.text("efi/garbage.efi.txt")
    #expect(throws: EFIMapParseError(line: 4, message: "expected TYPE START-END [ATTRIBUTES]")) {
      try EFIMapParser.parse(text, file: "g").get()
    }
    let prose = "hello\nworld\n"
    #expect(throws: EFIMapParseError.self) { try EFIMapParser.parse(prose, file: "p").get() }
    // Blank lines count: the first bad line of "\n\nhello\n" is line 3.
    guard case .failure(let error) = EFIMapParser.parse("\n\nhello\n", file: "p") else {
      Issue.record("prose parsed as an EFI map")
      return
    }
    #expect(error.line == 3)
  }

  @Test("older x86 kernels print an exclusive end with ')'")
  func x86Exclusive() throws {
    let line = "efi: mem07: [Boot Data   |   |  |  |  |  |  |  |  |  |   |WB|WT|WC|UC] "
      + "range=[0x0000000070000000-0x0000000070100000) (1MB)"
    let map = try EFIMapParser.parse(line, file: "x").get()
    #expect(map.descriptors.first?.range == AddressRange(base: 0x7000_0000, size: 0x10_0000))
  }

  @Test("HEAD attribute text: ISA value and unknown bits; v2025.01 printed UC twice")
  func attributeText() throws {
    let head = "MemoryMappedIO          0000000009000000-0000000009001000 UC|ISA_VALID|RT|ISA=0x2\n"
    let d = try #require(try EFIMapParser.parse(head, file: "h").get().descriptors.first)
    #expect(d.attributes == EFIAttributes(rawValue: 0x1 | 0x4000_0000_0000_0000 | 0x8000_0000_0000_0000 | (2 << 44)))
    let old = "CONVENTIONAL     0000000040000000-0000000050000000 UC|UC|WB\n"
    #expect(try EFIMapParser.parse(old, file: "o").get().descriptors.first?.attributes == [.uc, .wb])
  }

  @Test("an unknown type name is an error on its line")
  func unknownType() {
    let attributes = "|   |  |  |  |  |  |  |  |  |   |WB|WT|WC|UC]\n"
    let text = "efi:   0x000040000000-0x000040000fff [Reserved    " + attributes
      + "efi:   0x000040001000-0x000040001fff [Bogus       " + attributes
    guard case .failure(let error) = EFIMapParser.parse(text, file: "u") else { Issue.record("parsed"); return }
    #expect(error.line == 2)
    #expect(error.message.contains("Bogus"))
  }
}
