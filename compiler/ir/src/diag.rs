//! Typed diagnostics with source spans, rendered through `miette`.
//!
//! Every error the language contract names has its own [`ErrorKind`]; a
//! [`Diag`] carries the kind, a message, a primary span and optional
//! secondary labels. Rendering against the source is done by
//! [`Diag::render`] (plain text, stable for golden tests) or by wrapping it in
//! a [`Report`] for colourful terminal output.

use crate::span::Span;
use std::fmt;
use std::sync::Arc;

/// Declares [`ErrorKind`] with one line per kind: its docs, its name and
/// its stable code; `ALL` and `code` follow from the same list.
macro_rules! error_kinds {
    ($($(#[$doc:meta])* $kind:ident => $code:literal,)*) => {
        /// The class of an error; one per error the language contract lists,
        /// plus a few the contract implies (arity, non-affine index, ...).
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum ErrorKind {
            $($(#[$doc])* $kind,)*
        }

        impl ErrorKind {
            /// Every kind, for tests that want one example of each.
            pub const ALL: &'static [ErrorKind] = &[$(ErrorKind::$kind,)*];

            /// Stable code shown in rendered diagnostics, e.g. `kiln::syntax`.
            pub fn code(self) -> &'static str {
                match self {
                    $(ErrorKind::$kind => $code,)*
                }
            }
        }
    };
}

error_kinds! {
    /// Malformed source text.
    Syntax => "kiln::syntax",
    /// A name that refers to nothing in scope.
    UnknownName => "kiln::unknown-name",
    /// A call of a function the language does not have.
    UnknownFunction => "kiln::unknown-function",
    /// A dtype the language does not have.
    UnknownDtype => "kiln::unknown-dtype",
    /// Operands or contexts whose types disagree.
    TypeMismatch => "kiln::type-mismatch",
    /// A call with the wrong number of arguments.
    Arity => "kiln::arity",
    /// An expression in a place where it is not allowed (a comparison outside
    /// `select`, a non-affine index, a complex input dimension, ...).
    InvalidExpression => "kiln::invalid-expression",
    /// An index variable that never indexes a tensor dimension alone.
    NoPlainUse => "kiln::no-plain-use",
    /// An index variable whose plain uses imply different ranges.
    RangeMismatch => "kiln::range-mismatch",
    /// `=` used in a statement that has reduction variables.
    AssignWithReduction => "kiln::assign-with-reduction",
    /// A statement whose target is an input.
    WriteInput => "kiln::write-input",
    /// A read of a temporary or output before the statement that defines it.
    ReadBeforeDefine => "kiln::read-before-define",
    /// An output that no statement writes.
    OutputNotWritten => "kiln::output-not-written",
    /// An output or temporary written by more than one statement.
    WrittenTwice => "kiln::written-twice",
    /// One name used for two things (parameters, symbols, temporaries, variables).
    DuplicateName => "kiln::duplicate-name",
    /// A tensor indexed with the wrong number of indices.
    RankMismatch => "kiln::rank-mismatch",
    /// The left side of a statement indexes with something other than
    /// distinct plain variables.
    BadTargetIndex => "kiln::bad-target-index",
    /// A dimension that is not positive.
    BadDimension => "kiln::bad-dimension",
    /// A size, element count, index, or literal too large for kiln (beyond
    /// i64, beyond the supported element count, beyond i32 where a size or
    /// index variable is used as an `i32` value, beyond its float type).
    TooLarge => "kiln::too-large",
    /// A reserved word (`inf`) used as a name.
    ReservedWord => "kiln::reserved-word",
    /// Call time: a parameter without an argument.
    MissingArgument => "kiln::missing-argument",
    /// Call time: an argument that matches no parameter.
    ExtraArgument => "kiln::extra-argument",
    /// Call time: an argument whose shape disagrees with the declared symbols.
    ShapeMismatch => "kiln::shape-mismatch",
    /// Call time: an affine index that leaves its tensor.
    OutOfBounds => "kiln::out-of-bounds",
    /// Call time: an argument of the wrong dtype.
    DtypeMismatch => "kiln::dtype-mismatch",
    /// Call time: a size symbol with no value, or a value for no symbol.
    SizeBinding => "kiln::size-binding",
}

/// One diagnostic: what went wrong and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diag {
    /// Error class.
    pub kind: ErrorKind,
    /// One-line message.
    pub message: String,
    /// Where; `None` only for call-time errors that have no source place.
    pub span: Option<Span>,
    /// Label at the primary span.
    pub label: String,
    /// Further places, each with its label.
    pub related: Vec<(Span, String)>,
    /// Optional hint.
    pub help: Option<String>,
}

impl Diag {
    /// A diagnostic at `span` whose label repeats nothing.
    pub fn new(kind: ErrorKind, span: Span, message: impl Into<String>) -> Self {
        Diag {
            kind,
            message: message.into(),
            span: Some(span),
            label: "here".into(),
            related: Vec::new(),
            help: None,
        }
    }

    /// A diagnostic with no source place.
    pub fn unspanned(kind: ErrorKind, message: impl Into<String>) -> Self {
        Diag {
            kind,
            message: message.into(),
            span: None,
            label: String::new(),
            related: Vec::new(),
            help: None,
        }
    }

    /// Sets the primary label.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// Adds a secondary labelled span.
    pub fn with(mut self, span: Span, label: impl Into<String>) -> Self {
        self.related.push((span, label.into()));
        self
    }

    /// Sets the help line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Attaches the source so the diagnostic can be rendered.
    pub fn report(self, source: &Source) -> Report {
        Report {
            diag: self,
            source: source.clone(),
        }
    }

    /// Renders as plain text (no colour, fixed width): stable for goldens.
    pub fn render(&self, source: &Source) -> String {
        self.clone().report(source).render_plain()
    }
}

impl fmt::Display for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diag {}

/// A named source text, shared cheaply.
#[derive(Clone, Debug)]
pub struct Source {
    name: Arc<str>,
    text: Arc<str>,
}

impl Source {
    /// A source with a display name (usually the file path).
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            name: Arc::from(name.into()),
            text: Arc::from(text.into()),
        }
    }

    /// The display name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// A diagnostic bound to its source: implements [`miette::Diagnostic`].
#[derive(Debug)]
pub struct Report {
    diag: Diag,
    source: Source,
}

/// Longest source line shown in a snippet, in bytes. `miette` cannot pad
/// to columns beyond 65535 (it panics), and a snippet of a longer line is
/// unreadable anyway: such diagnostics name the line and column instead.
pub const MAX_SNIPPET_LINE: usize = 4096;

impl Report {
    /// The diagnostic.
    pub fn diag(&self) -> &Diag {
        &self.diag
    }

    fn spans(&self) -> impl Iterator<Item = Span> + '_ {
        self.diag
            .span
            .into_iter()
            .chain(self.diag.related.iter().map(|(s, _)| *s))
    }

    /// True when every line a span touches is short enough to show.
    fn snippet_fits(&self) -> bool {
        let text = self.source.text.as_bytes();
        self.spans().all(|s| {
            let start = (s.start as usize).min(text.len());
            let end = (s.end as usize).clamp(start, text.len());
            let first = text[..start]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let last = text[end..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(text.len(), |i| end + i);
            text[first..last]
                .split(|&b| b == b'\n')
                .all(|line| line.len() <= MAX_SNIPPET_LINE)
        })
    }

    /// `name:line:column` of the primary span (1-based; column in bytes).
    fn location(&self) -> Option<String> {
        let s = self.diag.span?;
        let text = self.source.text.as_bytes();
        let start = (s.start as usize).min(text.len());
        let line = text[..start].iter().filter(|&&b| b == b'\n').count() + 1;
        let col = start
            - text[..start]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1)
            + 1;
        Some(format!("{}:{line}:{col}", self.source.name))
    }

    /// Plain rendering, no colour, 100 columns.
    pub fn render_plain(&self) -> String {
        let handler =
            miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
                .with_width(100)
                .with_links(false);
        let mut out = String::new();
        // Rendering into a String cannot fail.
        let _ = handler.render_report(&mut out, self);
        out
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diag.message)
    }
}

impl std::error::Error for Report {}

impl miette::Diagnostic for Report {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.diag.kind.code()))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let mut help = self.diag.help.clone();
        if !self.snippet_fits() {
            if let Some(at) = self.location() {
                let at = format!("at {at} (the line is too long to show)");
                help = Some(match help {
                    Some(h) => format!("{h}\n{at}"),
                    None => at,
                });
            }
        }
        help.map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        if !self.snippet_fits() {
            return None;
        }
        self.diag.span.map(|_| self as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        if !self.snippet_fits() {
            return None;
        }
        let span = self.diag.span?;
        let mut labels = vec![miette::LabeledSpan::new_primary_with_span(
            Some(self.diag.label.clone()),
            span,
        )];
        for (s, l) in &self.diag.related {
            labels.push(miette::LabeledSpan::new_with_span(Some(l.clone()), *s));
        }
        Some(Box::new(labels.into_iter()))
    }
}

impl miette::SourceCode for Report {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let inner =
            self.source
                .text
                .as_ref()
                .read_span(span, context_lines_before, context_lines_after)?;
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.source.name.to_string(),
            inner.data(),
            *inner.span(),
            inner.line(),
            inner.column(),
            inner.line_count(),
        )))
    }
}
