// SPDX-License-Identifier: Apache-2.0
import Foundation
import PythonCheck
import TFRecord
import TestScratch
import Testing

@Suite struct SummaryWriterTests {
  let folder = Scratch.folder("tfrecord-tests")

  /// TensorBoard's own EventAccumulator must read back every kind of summary we write.
  @Test func tensorBoardReadsOurEventFiles() throws {
    let writer = try SummaryWriter(logDirectory: folder)
    for step in 0..<5 { try writer.scalar("train/loss", 2.0 / Double(step + 1), step: step) }
    let png = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(Fixtures.folder)/fsns/fsns_train_00.png")))
    try writer.image("samples/first", encoded: png, width: 600, height: 150, channels: 3, step: 3)
    try writer.text("samples/text", "真值 **公民身份** → predicted", step: 3)
    try writer.histogram("weights/conv1", values: (0..<1000).map { Double($0) / 100 }, step: 4, bins: 10)
    try writer.close()
    #expect(writer.path.contains("events.out.tfevents."))

    let script = """
      import sys
      from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
      ea = EventAccumulator(sys.argv[1], size_guidance={"scalars": 0, "images": 0, "histograms": 0, "tensors": 0})
      ea.Reload()
      tags = ea.Tags()
      scalars = ea.Scalars("train/loss")
      assert [s.step for s in scalars] == [0, 1, 2, 3, 4], scalars
      assert abs(scalars[1].value - 1.0) < 1e-6
      image = ea.Images("samples/first")[0]
      assert (image.width, image.height, image.step) == (600, 150, 3)
      assert image.encoded_image_string[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
      histo = ea.Histograms("weights/conv1")[0].histogram_value
      assert histo.num == 1000 and histo.min == 0 and abs(histo.max - 9.99) < 1e-9, histo
      assert sum(histo.bucket) == 1000 and len(histo.bucket_limit) == 10
      text = ea.Tensors("samples/text")[0].tensor_proto.string_val[0].decode()
      assert text == "真值 **公民身份** → predicted", text
      print("ok")
      """
    #expect(try PythonVenv.run(["-c", script, folder]).contains("ok"))
  }

  @Test func flushedEventsSurviveWithoutClose() throws {
    let writer = try SummaryWriter(logDirectory: folder, flushInterval: 3600)
    try writer.scalar("a", 1, step: 0)
    try writer.flush()
    try writer.scalar("a", 2, step: 1)  // not flushed: lost if the process dies now
    let reader = try TFRecordReader(path: writer.path)
    var count = 0
    while try reader.nextRecord() != nil { count += 1 }
    #expect(count == 2)  // the file-version header and the first scalar
  }
}
