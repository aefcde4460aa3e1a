// SPDX-License-Identifier: Apache-2.0
import NN
import Testing

@Suite struct ScheduleTests {
  @Test func constantIsConstant() {
    #expect(ConstantSchedule(0.004).learningRate(at: 12345) == 0.004)
  }

  @Test func stepDecaysEveryInterval() {
    let s = StepSchedule(rate: 1, interval: 10, gamma: 0.5)
    #expect(s.learningRate(at: 0) == 1)
    #expect(s.learningRate(at: 9) == 1)
    #expect(s.learningRate(at: 10) == 0.5)
    #expect(s.learningRate(at: 25) == 0.25)
  }

  @Test func cosineWarmsUpThenDecaysToTheFloor() {
    let s = CosineSchedule(rate: 1, warmupSteps: 4, totalSteps: 14, minimumRate: 0.1)
    #expect(s.learningRate(at: 0) == 0.25)
    #expect(s.learningRate(at: 3) == 1)
    #expect(s.learningRate(at: 4) == 1)
    #expect(Swift.abs(s.learningRate(at: 9) - 0.55) < 1e-12)  // half-way: floor + half the range
    #expect(Swift.abs(s.learningRate(at: 14) - 0.1) < 1e-12)
    #expect(Swift.abs(s.learningRate(at: 100) - 0.1) < 1e-12)
  }
}
