;;; eglot-client.el --- drive Emacs's eglot (Debian's elpa-eglot) against `devops-guidance lsp --stdio'  -*- lexical-binding: t -*-
;; Run: emacs --batch -Q -l eglot-client.el, with DG_SPEC (JSON spec, see nvim-client.lua) and DG_OUT (result JSON).
;; Diagnostics come through eglot's Flymake backend, code actions through `eglot-code-actions' (which sends the
;; Flymake diagnostics at point as context) and are applied with eglot's own workspace-edit code.
(require 'package)
;; -Q skips Debian's startup, which is what puts its elpa-* packages on the package path
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'json)
(require 'eglot)
(require 'flymake)

(setq make-backup-files nil create-lockfiles nil auto-save-default nil eglot-sync-connect t eglot-autoshutdown nil)

(defvar dg-spec (let ((json-object-type 'plist) (json-array-type 'list) (json-key-type 'keyword))
                  (json-read-file (getenv "DG_SPEC"))))
(defvar dg-errors nil)
(defvar dg-files nil)
(defvar dg-t0 (float-time))

(setq eglot-server-programs
      (list (cons '(conf-unix-mode conf-mode ruby-mode fundamental-mode) (plist-get dg-spec :cmd))))

(defun dg-wait (pred secs)
  "Process events until PRED holds or SECS pass."
  (let ((deadline (+ (float-time) secs)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      (when (bound-and-true-p flymake-mode) (ignore-errors (flymake-start))))
    (funcall pred)))

(defun dg-diag-code (d)
  (plist-get (cdr (assoc 'eglot-lsp-diag (eglot--diag-data d))) :code))

(defun dg-diagnostics ()
  (let (out)
    (dolist (d (flymake-diagnostics))
      (when (dg-diag-code d)
        (let ((beg (flymake-diagnostic-beg d)) (end (flymake-diagnostic-end d)))
          (push (list :lnum (1- (line-number-at-pos beg t))
                      :col (save-excursion (goto-char beg) (current-column))
                      :end_lnum (1- (line-number-at-pos end t))
                      :end_col (save-excursion (goto-char end) (current-column))
                      :code (dg-diag-code d)
                      :message (flymake-diagnostic-text d))
                out))))
    (vconcat (sort out (lambda (a b) (or (< (plist-get a :lnum) (plist-get b :lnum))
                                (and (= (plist-get a :lnum) (plist-get b :lnum)) (< (plist-get a :col) (plist-get b :col)))))))))

(defun dg-count (code)
  (seq-count (lambda (d) (equal (dg-diag-code d) code)) (flymake-diagnostics)))

(defun dg-pos (p)
  (save-excursion
    (goto-char (point-min))
    (forward-line (plist-get p :line))
    (forward-char (plist-get p :character))
    (point)))

(defun dg-run-file (item)
  (let ((file (plist-get item :file)) (action (plist-get item :action)) (r nil))
    (find-file file)
    (cond ((string-match-p "Vagrantfile\\'" file) (ruby-mode))
          ((string-match-p "\\.cnf\\'" file) (conf-unix-mode))
          (t (fundamental-mode)))
    (unless (eglot-current-server)
      (let ((project-find-functions (list (lambda (_dir) (cons 'transient (file-name-directory file))))))
        (apply #'eglot (eglot--guess-contact))))
    (unless (eglot-managed-p) (eglot--maybe-activate-editing-mode))
    (dg-wait (lambda () (> (length (dg-diagnostics)) 0)) 20)
    (message "dg: %s diagnostics after %.1fs" file (- (float-time) dg-t0))
    (setq r (plist-put r :file file))
    (setq r (plist-put r :diagnostics (dg-diagnostics)))
    ;; the outline, as imenu gets it from eglot (textDocument/documentSymbol)
    (let (names)
      (cl-labels ((walk (x) (cond ((and (consp x) (stringp (car x))) (push (car x) names) (when (listp (cdr x)) (mapc #'walk (cdr x))))
                                  ((consp x) (mapc #'walk x)))))
        (walk (eglot-imenu)))
      (setq r (plist-put r :imenu (vconcat (delete-dups (nreverse names))))))
    ;; hover at a position, as eldoc would ask
    (goto-char (dg-pos (plist-get item :hover)))
    (let ((h (jsonrpc-request (eglot--current-server-or-lose) :textDocument/hover (eglot--TextDocumentPositionParams))))
      (setq r (plist-put r :hover (or (plist-get (plist-get h :contents) :value) :null))))
    ;; code actions at the diagnostic, applied like `eglot-code-actions' does interactively
    (let* ((target (seq-find (lambda (d) (equal (dg-diag-code d) (plist-get action :code))) (flymake-diagnostics)))
           (before (dg-count (plist-get action :code))))
      (if (not target)
          (push (format "%s: no diagnostic %s" file (plist-get action :code)) dg-errors)
        (let* ((actions (eglot-code-actions (flymake-diagnostic-beg target) (flymake-diagnostic-end target)))
               (chosen (seq-find (lambda (a) (string-match-p (regexp-quote (plist-get action :title)) (plist-get a :title))) actions)))
          (setq r (plist-put r :actions (vconcat (mapcar (lambda (a) (plist-get a :title)) actions))))
          (if (not chosen)
              (push (format "%s: no code action titled %s" file (plist-get action :title)) dg-errors)
            (eglot--apply-workspace-edit (plist-get chosen :edit))
            (setq r (plist-put r :applied (plist-get chosen :title)))
            ;; eglot sends didChange from an idle timer, and a batch Emacs is never idle: send it as that timer would
            (eglot--signal-textDocument/didChange)
            (dg-wait (lambda () (< (dg-count (plist-get action :code)) before)) 10)))))
    (message "dg: %s done after %.1fs" file (- (float-time) dg-t0))
    (setq r (plist-put r :text (buffer-substring-no-properties (point-min) (point-max))))
    (setq r (plist-put r :after (dg-diagnostics)))
    (push r dg-files)))

(condition-case err
    (dolist (item (plist-get dg-spec :files)) (dg-run-file item))
  (error (push (format "error: %S" err) dg-errors)))

(with-temp-file (getenv "DG_OUT")
  (insert (json-encode (list :files (vconcat (reverse dg-files)) :errors (vconcat (reverse dg-errors))))))
(ignore-errors (eglot-shutdown-all))
(kill-emacs 0)
