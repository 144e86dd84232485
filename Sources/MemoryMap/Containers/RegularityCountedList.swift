/// A list element that can say whether it, and it followed by another, keep a list *regular*:
/// the shape under which a search structure over the list may answer a linear scan's question
/// by binary search.
protocol RegularListElement {
  /// Whether the element alone is regular (for a range: non-empty and not wrapping past 2^64).
  var isRegular: Bool { get }
  /// Whether the pair is regular with `next` at the following position (for ranges: in
  /// order and disjoint).
  func isRegular(followedBy next: Self) -> Bool
}

/// Storage a `RegularityCountedList` keeps: positions `0..<count`, changed by position.
protocol PositionalStorage: RandomAccessCollection, MutableCollection where Index == Int {
  init()
  mutating func insert(_ element: Element, at i: Int)
  @discardableResult mutating func remove(at i: Int) -> Element
  /// The elements at `i - 1`, `i` and `i + 1`, nil where out of range, read together.
  func neighbourhood(_ i: Int) -> (before: Element?, at: Element?, after: Element?)
}

extension ChunkedArray: PositionalStorage {}
extension MirroredChunkedArray: PositionalStorage {}

/// A list that counts its irregular elements and irregular neighbour pairs, recounting only
/// around the positions each change touches, so that a search over it can tell in constant
/// time whether its shortcuts give the answers a scan from the head would.
///
/// Equality and hashing look at the elements only.
struct RegularityCountedList<Storage: PositionalStorage> where Storage.Element: RegularListElement {
  private(set) var items = Storage()
  /// Irregular elements plus irregular neighbour pairs.
  private var irregularities = 0

  /// No irregular element and no irregular neighbour pair.
  var isRegular: Bool { irregularities == 0 }

  init() {}

  var count: Int { items.count }

  subscript(i: Int) -> Storage.Element {
    get { items[i] }
    set {
      let (below, old, above) = items.neighbourhood(i)
      irregularities += Self.irregularities(of: newValue, between: below, and: above)
        - Self.irregularities(of: old, between: below, and: above)
      items[i] = newValue
    }
  }

  mutating func insert(_ element: Storage.Element, at i: Int) {
    let (below, above, _) = items.neighbourhood(i)
    irregularities += Self.irregularities(of: element, between: below, and: above)
      - Self.irregularities(between: below, and: above)
    items.insert(element, at: i)
  }

  mutating func remove(at i: Int) {
    let (below, old, above) = items.neighbourhood(i)
    irregularities += Self.irregularities(between: below, and: above)
      - Self.irregularities(of: old, between: below, and: above)
    items.remove(at: i)
  }

  /// What `element` adds between `below` and `above`: itself, and its pair with each (0 for
  /// no element, past the end).
  private static func irregularities(
    of element: Storage.Element?, between below: Storage.Element?, and above: Storage.Element?
  ) -> Int {
    guard let element else { return 0 }
    var count = element.isRegular ? 0 : 1
    if let below, !below.isRegular(followedBy: element) { count += 1 }
    if let above, !element.isRegular(followedBy: above) { count += 1 }
    return count
  }

  /// The pair `below`, `above` when they are neighbours.
  private static func irregularities(between below: Storage.Element?, and above: Storage.Element?) -> Int {
    guard let below, let above else { return 0 }
    return below.isRegular(followedBy: above) ? 0 : 1
  }
}

extension RegularityCountedList: Equatable where Storage: Equatable {
  static func == (lhs: Self, rhs: Self) -> Bool { lhs.items == rhs.items }
}

extension RegularityCountedList: Hashable where Storage: Hashable {
  func hash(into hasher: inout Hasher) { hasher.combine(items) }
}

extension RegularityCountedList: Sendable where Storage: Sendable {}
