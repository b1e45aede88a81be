import Foundation

/// Runs `work` for the indexes `0..<count` on `jobs` threads and hands each outcome to `deliver` on the calling
/// thread, in index order, as soon as it and every outcome before it are done: reports come out exactly as one
/// thread writes them. At most `window` outcomes wait to be delivered at any time (the file being delivered holds
/// the others back), so memory does not grow with the number of files.
///
/// `makeWorker` runs once per thread (a worker owns what is not thread-safe, such as ICU break iterators); when it
/// throws, the error is delivered for each index that thread would have run. When `deliver` throws, no new index is
/// started, the threads finish the ones they are running, and the error is rethrown once they have stopped.
enum OrderedParallel {
    static func run<Worker, Outcome>(count: Int, jobs: Int, window: Int,
                                     makeWorker: @escaping () throws -> Worker,
                                     work: @escaping (Int, Worker) -> Outcome,
                                     failed: @escaping (Error) -> Outcome,
                                     deliver: (Int, Outcome) throws -> Void) throws {
        let state = State<Outcome>(count: count, window: max(window, jobs))
        let job = Job(makeWorker: makeWorker, work: work, failed: failed, state: state)
        var threads: [Thread] = []
        for _ in 0..<max(1, min(jobs, count)) {
            let thread = Thread { job.runThread() }
            thread.stackSize = 8 << 20
            threads.append(thread)
            thread.start()
        }
        defer { state.waitForExit(threads.count) }
        for index in 0..<count {
            let outcome = state.take(index)
            do { try deliver(index, outcome) } catch {
                state.stop()
                throw error
            }
        }
    }

    /// The outcomes, by index, under one lock.
    fileprivate final class State<Outcome>: @unchecked Sendable {
        private let condition = NSCondition()
        private var outcomes: [Int: Outcome] = [:]
        private var nextIndex = 0
        private var delivered = 0
        private var stopped = false
        private var exited = 0
        private let count: Int
        private let window: Int

        init(count: Int, window: Int) {
            self.count = count
            self.window = window
        }

        /// The next index to run, waiting while `window` outcomes are ahead of delivery; nil when all are taken.
        func next() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while !stopped && nextIndex < count && nextIndex >= delivered + window { condition.wait() }
            guard !stopped && nextIndex < count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }

        func finish(_ index: Int, _ outcome: Outcome) {
            condition.lock()
            outcomes[index] = outcome
            condition.broadcast()
            condition.unlock()
        }

        /// Waits for the outcome of `index`.
        func take(_ index: Int) -> Outcome {
            condition.lock()
            defer { condition.unlock() }
            while outcomes[index] == nil { condition.wait() }
            delivered = index + 1
            condition.broadcast()
            return outcomes.removeValue(forKey: index)!
        }

        func stop() {
            condition.lock()
            stopped = true
            condition.broadcast()
            condition.unlock()
        }

        func exit() {
            condition.lock()
            exited += 1
            condition.broadcast()
            condition.unlock()
        }

        func waitForExit(_ threads: Int) {
            condition.lock()
            stopped = true
            condition.broadcast()
            while exited < threads { condition.wait() }
            condition.unlock()
        }
    }

    /// What every thread runs; the closures are only called, the state is used under its lock.
    private final class Job<Worker, Outcome>: @unchecked Sendable {
        let makeWorker: () throws -> Worker
        let work: (Int, Worker) -> Outcome
        let failed: (Error) -> Outcome
        let state: State<Outcome>

        init(makeWorker: @escaping () throws -> Worker, work: @escaping (Int, Worker) -> Outcome,
             failed: @escaping (Error) -> Outcome, state: State<Outcome>) {
            self.makeWorker = makeWorker
            self.work = work
            self.failed = failed
            self.state = state
        }

        func runThread() {
            do {
                let worker = try makeWorker()
                while let index = state.next() { state.finish(index, work(index, worker)) }
            } catch {
                while let index = state.next() { state.finish(index, failed(error)) }
            }
            state.exit()
        }
    }
}
