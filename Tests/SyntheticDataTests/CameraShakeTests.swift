// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRData
import Testing

@testable import SyntheticData

@Suite struct CameraShakeTests {
  /// A white canvas with a black bar two pixels wide down its middle column.
  static func bar() -> GreyCanvas {
    var canvas = GreyCanvas(width: 41, height: 21, value: 1)
    for y in 0..<21 { (canvas.values[y * 41 + 20], canvas.values[y * 41 + 21]) = (0, 0) }
    return canvas
  }

  /// A sideways shake of 6 px spreads the bar's ink over about 7 columns and keeps all of it;
  /// an up-and-down shake along the bar leaves its middle rows as they were.
  @Test func theSmearRunsAlongItsDirection() {
    var sideways = Self.bar()
    sideways.motionBlur(length: 6, degrees: 0)
    let row = (0..<41).map { 1 - sideways.values[10 * 41 + $0] }
    #expect(abs(row.reduce(0, +) - 2) < 1e-4)
    #expect(row.filter { $0 > 0.01 }.count >= 6 && row.max()! < 0.5)
    var upAndDown = Self.bar()
    upAndDown.motionBlur(length: 6, degrees: 90)
    #expect(upAndDown.values[10 * 41 + 20] == 0 && upAndDown.values[10 * 41 + 15] == 1)
  }

  /// Level 0 never shakes; level 3 shakes some lines, each by 0.06–0.25 em at any angle.
  @Test func onlyHarderLevelsShake() {
    var g = SplitMix64(seed: 9)
    let clean = (0..<400).map { _ in AugmentationPolicy.level(0).draw(using: &g) }
    #expect(clean.allSatisfy { $0.cameraShake == nil })
    let hard = (0..<400).compactMap { _ in AugmentationPolicy.level(3).draw(using: &g).cameraShake }
    #expect(hard.count > 20 && hard.count < 100)
    #expect(hard.allSatisfy { (0.06...0.25).contains($0.length) && (0..<180).contains($0.degrees) })
  }

  /// A line description written before camera shake existed still reads, as unshaken.
  @Test func olderDescriptionsStillDecode() throws {
    var shaken = LineStyle()
    shaken.cameraShake = CameraShake(length: 0.2, degrees: 30)
    #expect(try shaken.decodedWithout("cameraShake") == LineStyle())
    let encoded = try JSONEncoder().encode(shaken)
    #expect(try JSONDecoder().decode(LineStyle.self, from: encoded) == shaken)
  }
}
