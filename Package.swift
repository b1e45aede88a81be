// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "translint",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "TranslintKit", targets: ["TranslintKit"]),
        .executable(name: "translint", targets: ["translint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // The only module that sees <unicode/*.h>: Foundation ships its own ICU module
        // with the same type names, so Swift code talks to ICU through plain C types.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        // libxml2, for the well-formedness of XLIFF and TBX only: the system library gives its flags (pkg-config), and
        // <libxml/*.h> is included by Sources/CXML/cxml.c only (they include ICU's headers, as for CICU).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "CXML", dependencies: ["CLibXML2"]),
        .target(
            name: "TranslintKit",
            dependencies: ["CICU", "CXML", .product(name: "Yams", package: "Yams")]
        ),
        // <sys/xattr.h> for the CLI, which keeps a fixed file's extended attributes.
        .systemLibrary(name: "CFileSystem"),
        .executableTarget(
            name: "translint",
            dependencies: ["TranslintKit", "CFileSystem", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            // The Swift runtime and Foundation linked in: loading and relocating their shared libraries took most of a
            // run on a small file (a Foundation hello-world: 14 ms shared, 4 ms static), and 10 MB of memory.
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-lCoreFoundation", "-l_FoundationICU", "-l_CFXMLInterface", "-l_FoundationCShims",
                                            "-l_FoundationCollections", "-lswiftSynchronization"], .when(platforms: [.linux]))]
        ),
        // Generators, mutators and checks the property and fuzz tests of both test targets share.
        .target(
            name: "TranslintTestSupport",
            dependencies: ["TranslintKit"],
            path: "Tests/TranslintTestSupport"
        ),
        .testTarget(
            name: "TranslintKitTests",
            dependencies: ["TranslintKit", "TranslintTestSupport"],
            exclude: ["Golden", "Fixtures"]
        ),
        .testTarget(
            name: "translintTests",
            dependencies: ["TranslintKit", "TranslintTestSupport", .product(name: "Yams", package: "Yams")]
        ),
    ]
)
