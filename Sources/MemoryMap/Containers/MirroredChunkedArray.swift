/// A `ChunkedArray` read from its end: position `i` is the storage's `count - 1 - i`.
///
/// U-Boot keeps its EFI map by descending address, and memory maps are mostly built from the
/// bottom up, so nearly every insertion lands at position 0. Stored the other way round, that
/// is an append to the last chunk, and no chunk start has to move.
struct MirroredChunkedArray<Element>: RandomAccessCollection, MutableCollection {
  /// The elements in reverse order: the last position first.
  private(set) var storage = ChunkedArray<Element>()

  init() {}

  init<S: Sequence>(_ elements: S) where S.Element == Element {
    storage = ChunkedArray(Array(elements).reversed())
  }

  var count: Int { storage.count }
  var startIndex: Int { 0 }
  var endIndex: Int { storage.count }
  func index(after i: Int) -> Int { i + 1 }
  func index(before i: Int) -> Int { i - 1 }

  subscript(i: Int) -> Element {
    get { storage[storage.count - 1 - i] }
    set { storage[storage.count - 1 - i] = newValue }
  }

  mutating func insert(_ element: Element, at i: Int) {
    storage.insert(element, at: storage.count - i)
  }

  @discardableResult
  mutating func remove(at i: Int) -> Element {
    storage.remove(at: storage.count - 1 - i)
  }

  /// The elements at positions `i - 1`, `i` and `i + 1`, nil where out of range (see
  /// `ChunkedArray.neighbourhood`).
  func neighbourhood(_ i: Int) -> (before: Element?, at: Element?, after: Element?) {
    let mirrored = storage.neighbourhood(storage.count - 1 - i)
    return (mirrored.after, mirrored.at, mirrored.before)
  }

  /// The first position whose element satisfies `isAbove`, for a predicate that is false for
  /// a prefix of the positions and true for the rest (in storage order: true, then false).
  func partitionPoint(_ isAbove: (Element) -> Bool) -> Int {
    storage.count - storage.partitionPoint { !isAbove($0) }
  }
}

extension MirroredChunkedArray: Equatable where Element: Equatable {
  static func == (lhs: Self, rhs: Self) -> Bool { lhs.storage == rhs.storage }
}

extension MirroredChunkedArray: Hashable where Element: Hashable {
  func hash(into hasher: inout Hasher) { hasher.combine(storage) }
}

extension MirroredChunkedArray: Sendable where Element: Sendable {}
