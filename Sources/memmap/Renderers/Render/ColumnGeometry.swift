/// The horizontal layout of one column: address axis, bar, labels, in pixels from the left.
struct ColumnGeometry {
  var x: Int
  /// Where address texts end (right-aligned): room for `0x` and 16 digits at the small size.
  var addressRight: Int { x + 124 }
  var barX: Int { x + 132 }
  var barWidth: Int { 220 }
  /// Where labels start, after the leader lines.
  var labelX: Int { barX + barWidth + 36 }
  /// Wide enough for the longest label and the longest line under the bars.
  var width: Int

  init(x: Int, picture: MapPicture) {
    self.x = x
    func widest(_ lines: [String]) -> Int {
      lines.map { PictureStyle.textWidth($0, size: PictureStyle.labelSize) }.max() ?? 0
    }
    let labels = widest(picture.blocks.filter { $0.drawnRange != nil }.map(SVGColumn.labelText))
    width = 0
    width = max(labelX - x + max(labels, 200), widest(SVGColumn.footerLines(picture))) + 8
  }
}
