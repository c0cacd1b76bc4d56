import Foundation

/// Finds where in a JSON document a library validation error points.
///
/// A library type that validates while decoding (`Money` rejecting `"12.345"` USD) throws its
/// own typed error, not a `DecodingError`, so the decoder's coding path is lost on the way
/// out. The error still names its `field` (relative to the value that threw, e.g. `amount`
/// or `components[1].category`) and the offending `value`; this searches the document for
/// the first node, in document order with object keys sorted, whose path ends with that
/// field and whose text is that value, and returns its full path
/// (`$.previousMRR.amount`). It runs only after a failure, so its cost does not matter.
package enum JSONLocator {
    /// The path of the first node matching `field` and `value`; `nil` if none does.
    package static func locate(field: String, value: String, in data: Data) -> String? {
        guard let root = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return nil }
        let wanted = components(field)
        var found: String?
        walk(root, path: []) { path, node in
            guard found == nil else { return }
            guard path.count >= wanted.count, Array(path.suffix(wanted.count)) == wanted else {
                return
            }
            if value.isEmpty || text(node) == value {
                found = render(path)
            }
        }
        return found
    }

    /// The path of `field` (written as the library writes fields, `tickets[T-7].customer`)
    /// with each bracketed ID under an array replaced by the index of the element whose
    /// `"id"` is that ID: `$.tickets[1].customer`. `nil` when the field does not lead to a
    /// value of the document.
    package static func resolve(field: String, in data: Data) -> String? {
        guard var node = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return nil }
        var path: [Step] = []
        for step in components(field) {
            switch step {
            case .index(let index):
                guard let array = node as? [Any], array.indices.contains(index) else { return nil }
                node = array[index]
                path.append(step)
            case .member(let name):
                if let object = node as? [String: Any], let child = object[name] {
                    node = child
                    path.append(step)
                } else if let array = node as? [Any],
                    let index = array.firstIndex(where: {
                        (($0 as? [String: Any])?["id"] as? String) == name
                    })
                {
                    node = array[index]
                    path.append(.index(index))
                } else {
                    return nil
                }
            }
        }
        return render(path)
    }

    /// One step of a path: a member name or an array index.
    enum Step: Hashable {
        case member(String)
        case index(Int)
    }

    /// `components[1].category` → member, index, member. A bracketed text that is not a
    /// number (`tickets[T-7]`) is kept as a member name.
    static func components(_ field: String) -> [Step] {
        var steps: [Step] = []
        var current = ""
        var iterator = field.makeIterator()
        while let character = iterator.next() {
            switch character {
            case ".":
                if !current.isEmpty { steps.append(.member(current)) }
                current = ""
            case "[":
                if !current.isEmpty { steps.append(.member(current)) }
                current = ""
                var inside = ""
                while let next = iterator.next(), next != "]" { inside.append(next) }
                steps.append(Int(inside).map(Step.index) ?? .member(inside))
            default:
                current.append(character)
            }
        }
        if !current.isEmpty { steps.append(.member(current)) }
        return steps
    }

    private static func walk(_ node: Any, path: [Step], _ visit: ([Step], Any) -> Void) {
        visit(path, node)
        if let object = node as? [String: Any] {
            for key in object.keys.sorted() {
                if let child = object[key] { walk(child, path: path + [.member(key)], visit) }
            }
        } else if let array = node as? [Any] {
            for (index, child) in array.enumerated() {
                walk(child, path: path + [.index(index)], visit)
            }
        }
    }

    private static func text(_ node: Any) -> String? {
        switch node {
        case let string as String: string
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }

    private static func render(_ path: [Step]) -> String {
        final class Key: CodingKey {
            let stringValue: String
            let intValue: Int?
            init(stringValue: String) {
                self.stringValue = stringValue
                self.intValue = nil
            }
            init(intValue: Int) {
                self.stringValue = String(intValue)
                self.intValue = intValue
            }
        }
        return JSONPath.text(
            path.map { step -> any CodingKey in
                switch step {
                case .member(let name): Key(stringValue: name)
                case .index(let index): Key(intValue: index)
                }
            })
    }
}
