/// An array stored as a list of short chunks, so that inserting or removing in the middle
/// moves at most one chunk instead of the whole tail.
///
/// The region lists of U-Boot's LMB and EFI map are arrays that C shifts with `memmove` on
/// every insertion; at 100,000 regions that shifting is quadratic. Here an insertion costs
/// one chunk's move plus an update of the chunk start table, and reading element `i` is a
/// binary search over the chunk starts. Indices are plain positions, as in an array.
struct ChunkedArray<Element>: RandomAccessCollection, MutableCollection {
  /// A chunk is split in two when it grows past this many elements.
  static var chunkLimit: Int { 1024 }

  private var chunks: [[Element]] = []
  /// `starts[k]` is the position of `chunks[k][0]`.
  private var starts: [Int] = []
  private(set) var count = 0

  init() {}

  init<S: Sequence>(_ elements: S) where S.Element == Element {
    for element in elements { append(element) }
  }

  // MARK: - Chunks, for walks that step through many neighbours

  /// The position of the first element of chunk `k`.
  func chunkStart(_ k: Int) -> Int { starts[k] }
  /// The chunk holding position `i`.
  func chunk(containing i: Int) -> Int { locate(i).chunk }
  /// The elements of chunk `k` (shared storage, not a copy).
  func elements(ofChunk k: Int) -> [Element] { chunks[k] }

  var startIndex: Int { 0 }
  var endIndex: Int { count }
  func index(after i: Int) -> Int { i + 1 }
  func index(before i: Int) -> Int { i - 1 }

  /// The chunk holding position `i` and the offset in it; for `i == count`, the end of the
  /// last chunk.
  private func locate(_ i: Int) -> (chunk: Int, offset: Int) {
    // Most work happens at the end (ascending appends, the top of a mirrored map).
    if let last = starts.last, i >= last { return (starts.count - 1, i - last) }
    var low = 0
    var high = starts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if starts[mid] <= i { low = mid } else { high = mid - 1 }
    }
    return (low, i - starts[low])
  }

  subscript(i: Int) -> Element {
    get {
      precondition(i >= 0 && i < count, "index out of range")
      let (k, o) = locate(i)
      return chunks[k][o]
    }
    set {
      precondition(i >= 0 && i < count, "index out of range")
      let (k, o) = locate(i)
      chunks[k][o] = newValue
    }
  }

  /// The elements at positions `i - 1`, `i` and `i + 1`, nil where a position is out of
  /// range, found with one chunk lookup (a neighbour across a chunk edge costs a second).
  func neighbourhood(_ i: Int) -> (before: Element?, at: Element?, after: Element?) {
    guard count > 0 else { return (nil, nil, nil) }
    let anchor = Swift.min(Swift.max(i, 0), count - 1)
    let (k, o) = locate(anchor)
    func read(_ p: Int) -> Element? {
      guard p >= 0 && p < count else { return nil }
      let offset = o + (p - anchor)
      return offset >= 0 && offset < chunks[k].count ? chunks[k][offset] : self[p]
    }
    return (read(i - 1), read(i), read(i + 1))
  }

  /// The first position whose element satisfies `isAbove`, for a predicate that is false for
  /// a prefix of the array and true for the rest: a binary search over the chunks' last
  /// elements, then one inside the chunk, without locating each probe.
  func partitionPoint(_ isAbove: (Element) -> Bool) -> Int {
    var low = 0
    var high = chunks.count
    while low < high {
      let mid = (low + high) / 2
      if isAbove(chunks[mid][chunks[mid].count - 1]) { high = mid } else { low = mid + 1 }
    }
    guard low < chunks.count else { return count }
    return chunks[low].withUnsafeBufferPointer { chunk in
      var first = 0
      var last = chunk.count
      while first < last {
        let mid = (first + last) / 2
        if isAbove(chunk[mid]) { last = mid } else { first = mid + 1 }
      }
      return starts[low] + first
    }
  }

  var first: Element? { chunks.first?.first }
  var last: Element? { chunks.last?.last }

  mutating func append(_ element: Element) { insert(element, at: count) }

  mutating func insert(_ element: Element, at i: Int) {
    precondition(i >= 0 && i <= count, "index out of range")
    guard !chunks.isEmpty else {
      chunks = [[element]]
      starts = [0]
      count = 1
      return
    }
    let (k, o) = locate(i)
    chunks[k].insert(element, at: o)
    count += 1
    if chunks[k].count > Self.chunkLimit {
      // Both halves are fresh arrays: trimming the full one in place would keep its capacity.
      let half = Self.chunkLimit / 2
      let upper = Array(chunks[k][half...])
      chunks[k] = Array(chunks[k][..<half])
      chunks.insert(upper, at: k + 1)
      starts.insert(starts[k] + chunks[k].count, at: k + 1)
      shiftStarts(after: k + 1, by: 1)
    } else {
      shiftStarts(after: k, by: 1)
    }
  }

  @discardableResult
  mutating func remove(at i: Int) -> Element {
    precondition(i >= 0 && i < count, "index out of range")
    let (k, o) = locate(i)
    let element = chunks[k].remove(at: o)
    count -= 1
    if chunks[k].isEmpty {
      chunks.remove(at: k)
      starts.remove(at: k)
      shiftStarts(after: k - 1, by: -1)
    } else {
      shiftStarts(after: k, by: -1)
    }
    return element
  }

  mutating func removeSubrange(_ range: Range<Int>) {
    for _ in range { remove(at: range.lowerBound) }
  }

  private mutating func shiftStarts(after k: Int, by delta: Int) {
    var j = k + 1
    while j < starts.count {
      starts[j] += delta
      j += 1
    }
  }

  /// Walks the chunks directly instead of locating every position.
  struct Iterator: IteratorProtocol {
    fileprivate var chunks: IndexingIterator<[[Element]]>
    fileprivate var current: IndexingIterator<[Element]>?

    mutating func next() -> Element? {
      while true {
        if let element = current?.next() { return element }
        guard let chunk = chunks.next() else { return nil }
        current = chunk.makeIterator()
      }
    }
  }

  func makeIterator() -> Iterator { Iterator(chunks: chunks.makeIterator(), current: nil) }
}

extension ChunkedArray: Equatable where Element: Equatable {
  static func == (lhs: Self, rhs: Self) -> Bool { lhs.elementsEqual(rhs) }
}

extension ChunkedArray: Hashable where Element: Hashable {
  func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    for element in self { hasher.combine(element) }
  }
}

extension ChunkedArray: Sendable where Element: Sendable {}

